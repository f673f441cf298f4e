import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The session list is virtualised: a row exists in the page only once it is scrolled into view. */
export async function findSessionRow(app: Page, name: RegExp): Promise<Locator> {
  const list = app.getByRole('navigation', { name: 'Sessions' });
  const row = list.getByRole('button', { name });
  const scroller = list.locator('.scroller');
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(async () => {
    if (await row.count()) return;
    await scroller.evaluate((element) => element.scrollBy({ top: element.clientHeight / 2 }));
    expect(await row.count()).toBeGreaterThan(0);
  }).toPass();
  return row.first();
}
