import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shoot } from './shoot';

const flaky = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

const sessionList = (app: Page) => app.getByRole('navigation', { name: 'Sessions' });
const nameOnDisk = async (file: string) => JSON.parse(await readFile(file, 'utf8')).project_context.name;

async function renameInList(app: Page, from: string, to: string): Promise<void> {
  const list = sessionList(app);
  await list.getByRole('button', { name: `Rename ${from}` }).click();
  const input = list.getByRole('textbox', { name: 'New session name' });
  await input.fill(to);
  await input.press('Enter');
  await expect(list.getByRole('button', { name: new RegExp(`^${to}`) })).toBeVisible();
}

test('History lists a rename with its files, and its Undo puts the old name back', async ({
  app,
  sandbox,
}) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  await renameInList(app, 'Fix the flaky parser test', 'Parser <b>bold</b> keys');

  await sessionList(app).getByRole('button', { name: 'History' }).click();
  const history = app.getByRole('main', { name: 'History' });
  const entry = history
    .getByRole('list', { name: 'Changes' })
    .getByRole('listitem')
    .filter({ has: app.getByRole('button', { name: 'Undo' }) })
    .filter({ hasText: 'Renamed' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Done');
  await expect(entry).toContainText('Parser <b>bold</b> keys');
  await expect(history.locator('b')).toHaveCount(0);
  await entry.getByText('1 file').click();
  await expect(entry.getByRole('list', { name: 'Files changed' })).toContainText(`${flaky}.json`);
  await expect(entry.getByRole('list', { name: 'Files changed' })).toContainText('→');
  await shoot(app, 'history', 'rename');

  await entry.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('status')).toContainText('Renamed back to “Fix the flaky parser test”');
  await expect(sessionList(app).getByRole('button', { name: /^Fix the flaky parser test/ })).toBeVisible();
  expect(await nameOnDisk(file)).toBe('Fix the flaky parser test');
  const renamed = history
    .getByRole('listitem')
    .filter({ hasText: /^(?!Undid).*Renamed/ })
    .last();
  await expect(renamed).toContainText('Undone');
  await expect(renamed.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await shoot(app, 'history', 'undone');
});

test('Ctrl+Z in the rename field undoes typing, not the last write', async ({ app, sandbox }) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  await renameInList(app, 'Fix the flaky parser test', 'Parser keys');

  const list = sessionList(app);
  await list.getByRole('button', { name: 'Rename Parser keys' }).click();
  const input = list.getByRole('textbox', { name: 'New session name' });
  await input.press('End');
  await input.pressSequentially(' draft');
  await expect(input).toHaveValue('Parser keys draft');
  await input.press('Control+z');
  await expect(input).toHaveValue('Parser keys');
  await input.press('Escape');
  await expect(list.getByRole('button', { name: /^Parser keys/ })).toBeVisible();
  expect(await nameOnDisk(file)).toBe('Parser keys');

  // Outside the field the same keys undo the rename, and only once: nothing else was undone.
  await app.locator('body').press('Control+z');
  await expect(app.getByRole('status')).toContainText('Renamed back to “Fix the flaky parser test”');
  await expect(list.getByRole('button', { name: /^Fix the flaky parser test/ })).toBeVisible();
  expect(await nameOnDisk(file)).toBe('Fix the flaky parser test');
  await app.locator('body').press('Control+z');
  await expect(app.getByRole('status')).toContainText('Nothing to undo');
});
