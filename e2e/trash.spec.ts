import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shoot } from './shoot';

const flaky = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const plan = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

const sessionList = (app: Page) => app.getByRole('navigation', { name: 'Sessions' });
const trashView = (app: Page) => app.getByRole('main', { name: 'Recently deleted' });

async function openTrash(app: Page) {
  await sessionList(app)
    .getByRole('button', { name: /^Recently deleted/ })
    .click();
  return trashView(app);
}

test('a deleted session waits in Recently deleted, Restore brings it back, and Ctrl+Z trashes it again', async ({
  app,
  sandbox,
}) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  const before = await readFile(file);
  const list = sessionList(app);
  await list.getByRole('button', { name: 'Delete Fix the flaky parser test' }).click();
  await expect(list.locator('.row-main')).toHaveCount(2);
  await expect(list.getByRole('button', { name: /^Recently deleted/ })).toHaveAccessibleName(
    'Recently deleted 1',
  );

  const trash = await openTrash(app);
  const item = trash.getByRole('listitem').filter({ hasText: 'Fix the flaky parser test' });
  await expect(item).toContainText('ORCS');
  await expect(item.getByTitle(sandbox.sessionsDir)).toHaveText(/^…\/[^/]+\/sessions$/);
  await expect(item).toContainText(/deleted (just now|\d+ minutes? ago)/);
  await expect(item).toContainText('purged on');
  await shoot(app, 'trash', 'one-item');

  await item.getByRole('button', { name: 'Restore' }).click();
  const status = app.getByRole('status');
  await expect(status).toContainText('Restored “Fix the flaky parser test”');
  await expect(trash.getByText('Nothing in the trash.')).toBeVisible();
  await expect(list.locator('.row-main')).toHaveCount(3);
  expect((await readFile(file)).equals(before)).toBe(true);
  await shoot(app, 'trash', 'empty');

  await app.locator('body').press('Control+z');
  await expect(status).toContainText('Moved “Fix the flaky parser test” to the trash');
  await expect(list.locator('.row-main')).toHaveCount(2);
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(readdir(sandbox.sessionsDir)).resolves.not.toContain(`${flaky}.json`);
});

test('two sessions restored together from the trash, picked with a click and a shift-click', async ({
  app,
  sandbox,
}) => {
  const list = sessionList(app);
  await list.getByRole('button', { name: 'Delete Fix the flaky parser test' }).click();
  await expect(list.locator('.row-main')).toHaveCount(2);
  await list.getByRole('button', { name: 'Delete Plan the storage migration' }).click();
  await expect(list.locator('.row-main')).toHaveCount(1);

  const trash = await openTrash(app);
  const items = trash.getByRole('listitem');
  await expect(items).toHaveCount(2);
  // Newest first: the plan was deleted last.
  await expect(items.nth(0)).toContainText('Plan the storage migration');
  await trash.getByRole('checkbox', { name: 'Select “Plan the storage migration”' }).check();
  await items
    .nth(1)
    .locator('.trash-title')
    .click({ modifiers: ['Shift'] });
  await expect(trash.getByRole('checkbox', { name: 'Select “Fix the flaky parser test”' })).toBeChecked();
  await expect(trash.getByRole('toolbar', { name: 'Selected items' })).toContainText('2 selected');
  await shoot(app, 'trash', 'two-selected');

  // Deleting both for good would name them; the question is only looked at here.
  await trash.getByRole('button', { name: 'Delete 2 permanently' }).click();
  const dialog = app.getByRole('dialog', { name: 'Delete 2 sessions permanently?' });
  await expect(dialog.getByRole('list', { name: 'Sessions to delete' }).getByRole('listitem')).toHaveText([
    'Plan the storage migration',
    'Fix the flaky parser test',
  ]);
  await shoot(app, 'trash', 'purge-two');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await trash.getByRole('button', { name: 'Restore 2' }).click();
  await expect(app.getByRole('status')).toContainText('Restored 2 sessions');
  await expect(list.locator('.row-main')).toHaveCount(3);
  await expect(trash.getByText('Nothing in the trash.')).toBeVisible();
  const names = await readdir(sandbox.sessionsDir);
  expect(names).toContain(`${flaky}.json`);
  expect(names).toContain(`${plan}.json`);
});

test('Delete permanently asks first, and then takes the item out of the trash for good', async ({
  app,
  sandbox,
}, testInfo) => {
  const list = sessionList(app);
  await list.getByRole('button', { name: 'Delete Fix the flaky parser test' }).click();
  await expect(list.locator('.row-main')).toHaveCount(2);
  const trash = await openTrash(app);
  const item = trash.getByRole('listitem').filter({ hasText: 'Fix the flaky parser test' });
  const dialog = app.getByRole('dialog', { name: 'Delete “Fix the flaky parser test” permanently?' });
  const where = testInfo.project.name === 'electron' ? 'system trash' : 'removed from disk for good';

  await item.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(dialog).toContainText(where);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shoot(app, 'trash', 'purge-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item).toHaveCount(1);

  await item.getByRole('button', { name: 'Delete permanently' }).click();
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('status')).toContainText(
    testInfo.project.name === 'electron'
      ? 'Moved 1 session to the system trash'
      : 'Deleted 1 session permanently',
  );
  await expect(trash.getByText('Nothing in the trash.')).toBeVisible();
  await expect(list.getByRole('button', { name: /^Recently deleted$/ })).toBeVisible();
  await expect(readdir(sandbox.sessionsDir)).resolves.not.toContain(`${flaky}.json`);
});

test('a delete cut short shows as partly deleted, and can still be restored', async ({ app, sandbox }) => {
  const list = sessionList(app);
  await list.getByRole('button', { name: 'Delete Fix the flaky parser test' }).click();
  await expect(list.locator('.row-main')).toHaveCount(2);
  // What a crash between the trash's two manifest writes leaves behind (src/core/trash/manifest.ts).
  const trashDir = join(sandbox.homeDir, 'trash');
  const [trashId] = (await readdir(trashDir)).filter((name) => !name.startsWith('.'));
  const manifest = join(trashDir, String(trashId), 'manifest.json');
  const record = JSON.parse(await readFile(manifest, 'utf8'));
  await writeFile(manifest, JSON.stringify({ ...record, state: 'moving' }));

  const trash = await openTrash(app);
  const item = trash.getByRole('listitem').filter({ hasText: 'Fix the flaky parser test' });
  await expect(item).toContainText('Partly deleted');
  await shoot(app, 'trash', 'partly-deleted');
  await item.getByRole('button', { name: 'Restore' }).click();
  await expect(list.locator('.row-main')).toHaveCount(3);
});

test('the palette restores a recently deleted session by name', async ({ app }) => {
  const list = sessionList(app);
  await list.getByRole('button', { name: 'Delete Fix the flaky parser test' }).click();
  await expect(list.locator('.row-main')).toHaveCount(2);

  await app.getByRole('heading', { name: 'Sessionscope' }).click();
  await app.keyboard.press('ControlOrMeta+k');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('restore flaky');
  await palette.getByRole('option', { name: 'Restore “Fix the flaky parser test” from the trash' }).click();
  await expect(app.getByRole('status')).toContainText('Restored “Fix the flaky parser test”');
  await expect(list.locator('.row-main')).toHaveCount(3);
});
