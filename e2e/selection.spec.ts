import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { shoot } from './shoot';

const flaky = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const plan = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

test('sessions picked in the list go to the trash together, and one Undo brings them all back', async ({
  app,
  sandbox,
}) => {
  const files = [flaky, plan].map((id) => join(sandbox.sessionsDir, `${id}.json`));
  const before = await Promise.all(files.map((file) => readFile(file)));
  const list = app.getByRole('navigation', { name: 'Sessions' });
  const bar = list.getByRole('toolbar', { name: 'Selected sessions' });
  const check = (title: string) => list.getByRole('checkbox', { name: `Select “${title}”` });

  // A shift-click selects the range from the last box ticked.
  await check('Plan the storage migration').check();
  await check('Why does the build take four minutes?').click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('3 selected');
  await expect(check('Fix the flaky parser test')).toBeChecked();
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toHaveCount(0);
  await check('Plan the storage migration').check();
  await expect(bar).toContainText('1 selected');
  await check('Plan the storage migration').press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(list.getByRole('checkbox', { checked: true })).toHaveCount(0);

  // A tick and a Ctrl/⌘-click on a row pick two without opening either.
  await check('Fix the flaky parser test').check();
  await list
    .getByRole('button', { name: /^Plan the storage migration/ })
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(bar).toContainText('2 selected');
  await expect(check('Plan the storage migration')).toBeChecked();
  await expect(app.getByRole('main', { name: 'Session' })).toHaveCount(0);
  await shoot(app, 'selection', 'two-selected');

  await bar.getByRole('button', { name: 'Move to trash' }).click();
  const status = app.getByRole('status');
  await expect(status).toContainText('Moved 2 sessions to the trash');
  await expect(list.locator('.row-main')).toHaveCount(1);
  await expect(bar).toHaveCount(0);
  const left = await readdir(sandbox.sessionsDir);
  expect(left).not.toContain(`${flaky}.json`);
  expect(left).not.toContain(`${plan}.json`);

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toContainText('Restored 2 sessions');
  await expect(list.locator('.row-main')).toHaveCount(3);
  const after = await Promise.all(files.map((file) => readFile(file)));
  after.forEach((bytes, index) => expect(bytes.equals(before[index] as Buffer)).toBe(true));
});
