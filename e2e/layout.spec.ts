import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shoot } from './shoot';

const flaky = 'Fix the flaky parser test';

function listSeparator(app: Page) {
  return app.getByRole('separator', { name: 'Resize the session list' });
}

async function openSession(app: Page, title: string) {
  await app
    .getByRole('navigation', { name: 'Sessions' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('heading', { name: title })).toBeVisible();
  return session;
}

/** The app's address with another hash: the page's own, so it carries the host's token. */
function at(app: Page, hash: string): string {
  const url = new URL(app.url());
  url.hash = hash;
  return url.href;
}

async function reload(app: Page): Promise<void> {
  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
}

test('the list is resized from the keyboard and keeps its size across a reload', async ({ app }) => {
  const separator = listSeparator(app);
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await separator.press('ArrowRight');
  await separator.press('ArrowRight');
  await expect(separator).not.toHaveAttribute('aria-valuenow', String(before));
  const after = Number(await separator.getAttribute('aria-valuenow'));
  expect(after).toBeGreaterThan(before);
  const width = await app.getByRole('navigation', { name: 'Sessions' }).evaluate((nav) => nav.clientWidth);

  await reload(app);
  await expect(listSeparator(app)).toHaveAttribute('aria-valuenow', String(after));
  const kept = await app.getByRole('navigation', { name: 'Sessions' }).evaluate((nav) => nav.clientWidth);
  expect(Math.abs(kept - width)).toBeLessThanOrEqual(1);
});

test('the inspector is dragged wider and keeps its size across a reload', async ({ app }) => {
  await openSession(app, flaky);
  const separator = app.getByRole('separator', { name: 'Resize the inspector' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  const box = await separator.boundingBox();
  if (!box) throw new Error('the inspector separator has no box');
  const y = box.y + box.height / 2;
  await app.mouse.move(box.x + box.width / 2, y);
  await app.mouse.down();
  await app.mouse.move(box.x - 120, y, { steps: 5 });
  await app.mouse.up();
  await expect(separator).not.toHaveAttribute('aria-valuenow', String(before));
  const after = Number(await separator.getAttribute('aria-valuenow'));
  expect(after).toBeLessThan(before);

  await reload(app);
  await expect(app.getByRole('heading', { name: flaky })).toBeVisible();
  await expect(app.getByRole('separator', { name: 'Resize the inspector' })).toHaveAttribute(
    'aria-valuenow',
    String(after),
  );
});

test('a corrupt saved layout gives the default sizes, not a broken window', async ({ app }) => {
  const separator = listSeparator(app);
  const initial = await separator.getAttribute('aria-valuenow');
  await app.evaluate(() => localStorage.setItem('sessionscope.layout.v1', '{"main":{"pane-list":-5'));
  await reload(app);
  await expect(listSeparator(app)).toHaveAttribute('aria-valuenow', initial ?? '');
});

test('an open session has an address that survives a reload, and Back returns to it', async ({ app }) => {
  await openSession(app, flaky);
  await expect(app).toHaveURL(/#\/session\/[a-z0-9]+\/3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b$/);
  const address = app.url();

  await reload(app);
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('heading', { name: flaky })).toBeVisible();
  await expect(session.getByRole('article')).toHaveCount(3);

  await app.goto(at(app, '#/trash'));
  await expect(app.getByRole('main', { name: 'Recently deleted' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Recently deleted' })).toBeVisible();

  await app.goBack();
  await expect(app).toHaveURL(address);
  await expect(session.getByRole('heading', { name: flaky })).toBeVisible();
  await expect(app.getByRole('main', { name: 'Recently deleted' })).toBeHidden();
});

test('the trash and the history write their own addresses', async ({ app }) => {
  const places = app.getByRole('navigation', { name: 'Sessions' });
  await places.getByRole('button', { name: /Recently deleted/ }).click();
  await expect(app).toHaveURL(/#\/trash$/);
  await places.getByRole('button', { name: /History/ }).click();
  await expect(app).toHaveURL(/#\/history$/);
  await app.goBack();
  await expect(app.getByRole('main', { name: 'Recently deleted' })).toBeVisible();
});

test('a search address shows its results, and typing keeps it current', async ({ app }) => {
  await app.goto(at(app, '#/search?q=HashMap'));
  const results = app.getByRole('region', { name: 'Search results' });
  await expect(results.locator('.result-group').filter({ hasText: flaky })).toBeVisible();
  const box = app.getByRole('searchbox', { name: 'Search sessions' });
  await expect(box).toHaveValue('HashMap');

  await box.fill('HashMap iteration');
  await expect(app).toHaveURL(/#\/search\?q=HashMap\+iteration$/);
  await box.fill('');
  await expect(app).not.toHaveURL(/#/);
});

test('a hostile or unknown session address shows the list, never an error', async ({ app }) => {
  const list = app.getByRole('navigation', { name: 'Sessions' });
  const errors: Error[] = [];
  app.on('pageerror', (error) => errors.push(error));

  await app.goto(at(app, '#/session/../x'));
  await expect(list.locator('.row-main')).toHaveCount(3);
  await expect(app.getByText('Choose a session to read it.')).toBeVisible();
  await expect(app).not.toHaveURL(/#/);

  await app.goto(at(app, '#/session/abc123/no-such-session'));
  await expect(app.getByRole('heading', { name: 'This session could not be opened' })).toBeVisible();
  await expect(list.locator('.row-main')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test.describe('pictures', () => {
  test.use({ sessions: resolve(import.meta.dirname, 'fixtures', 'orcs-inspector') });

  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    test(`the three panes at ${width}×${height}`, async ({ app }, testInfo) => {
      test.skip(testInfo.project.name !== 'browser-host', 'one set of pictures is enough');
      await app.setViewportSize({ width, height });
      const session = await openSession(app, 'Migrate billing to Postgres');
      await session.getByRole('tab', { name: /^Facts/ }).click();
      await expect(session.getByRole('tabpanel')).toBeVisible();
      await shoot(app, 'layout', `session-${width}x${height}`);
    });
  }
});
