import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { expect, test } from './fixtures';

const flaky = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

test('lists the sessions of an ORCS root, newest first, and opens one to its turns', async ({ app }) => {
  const list = app.getByRole('navigation', { name: 'Sessions' });
  const rows = list.locator('.row-main');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Plan the storage migration');
  await expect(rows.nth(1)).toContainText('Fix the flaky parser test');
  await expect(rows.nth(1)).toContainText('3 turns');
  await expect(rows.nth(2)).toContainText('Why does the build take four minutes?');

  await list.getByRole('button', { name: /^Fix the flaky parser test/ }).click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('heading', { name: 'Fix the flaky parser test' })).toBeVisible();
  const turns = session.getByRole('article');
  await expect(turns).toHaveCount(3);
  await expect(turns.nth(0)).toContainText('fails about one run in ten');
  await expect(turns.nth(2).getByRole('strong')).toHaveText('HashMap iteration order');

  const calls = turns.nth(1).getByLabel('Tool calls');
  await expect(calls.locator('details')).toHaveCount(2);
  await expect(calls.getByLabel('failed')).toHaveCount(1);
  await calls.getByText('bash').click();
  await expect(calls.getByLabel('Result of bash')).toContainText('exit status 101');
});

test('renames a session inline from the list, and the file changes the way ORCS writes it', async ({
  app,
  sandbox,
}) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  const before = await readFile(file, 'utf8');
  const list = app.getByRole('navigation', { name: 'Sessions' });
  await list.getByRole('button', { name: 'Rename Fix the flaky parser test' }).click();
  const input = list.getByRole('textbox', { name: 'New session name' });
  await input.fill('Parser: sort the header keys');
  await input.press('Enter');
  await expect(list.getByRole('button', { name: /^Parser: sort the header keys/ })).toBeVisible();

  const after = await readFile(file, 'utf8');
  const asset = JSON.parse(after);
  expect(asset.project_context.name).toBe('Parser: sort the header keys');
  expect(asset.updated_at_ms).toBeGreaterThan(JSON.parse(before).updated_at_ms);
  expect(after.endsWith('\n')).toBe(false);
  const unchanged = (text: string) =>
    text.replace(/"name": "[^"]*"/, '"name": _').replace(/"updated_at_ms": \d+/, '"updated_at_ms": _');
  expect(unchanged(after)).toBe(unchanged(before));
});

test('Esc cancels a rename and leaves the file untouched', async ({ app, sandbox }) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  const before = await readFile(file);
  const list = app.getByRole('navigation', { name: 'Sessions' });
  await list.getByRole('button', { name: 'Rename Fix the flaky parser test' }).click();
  const input = list.getByRole('textbox', { name: 'New session name' });
  await input.fill('Never saved');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(list.getByRole('button', { name: /^Fix the flaky parser test/ })).toBeVisible();
  expect((await readFile(file)).equals(before)).toBe(true);
});

test('deletes a session into the trash, and Undo restores it byte for byte', async ({ app, sandbox }) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  const before = await readFile(file);
  const list = app.getByRole('navigation', { name: 'Sessions' });
  await list.getByRole('button', { name: /^Fix the flaky parser test/ }).click();
  await app.getByRole('main', { name: 'Session' }).getByRole('button', { name: 'Delete' }).click();

  await expect(list.locator('.row-main')).toHaveCount(2);
  await expect(readdir(sandbox.sessionsDir)).resolves.not.toContain(`${flaky}.json`);
  const status = app.getByRole('status');
  await expect(status).toContainText('Moved “Fix the flaky parser test” to the trash');

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(list.locator('.row-main')).toHaveCount(3);
  expect((await readFile(file)).equals(before)).toBe(true);
});

test.describe('on a machine with no sessions anywhere', () => {
  test.use({ sessions: null });

  test('says where it looked and opens the bundled demo, read-only, from a copy', async ({ app }) => {
    const demo = resolve(import.meta.dirname, '..', 'resources', 'demo');
    const fingerprint = async () => {
      const hash = createHash('sha256');
      const entries = await readdir(demo, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(demo, join(entry.parentPath, entry.name)))
        .sort();
      for (const file of files)
        hash
          .update(file)
          .update('\0')
          .update(await readFile(join(demo, file)));
      return hash.digest('hex');
    };
    const before = await fingerprint();

    await expect(app.getByRole('heading', { name: 'No sessions found' })).toBeVisible();
    const places = app.getByRole('list', { name: 'Places searched' });
    await expect(places).toContainText('.orcs/sessions');
    await expect(places).toContainText('not found');

    await app.getByRole('button', { name: 'Open demo library' }).click();
    const list = app.getByRole('navigation', { name: 'Sessions' });
    // One session of each format.
    await expect(list.getByRole('button', { name: /^ledger-service: idempotent transfers/ })).toBeVisible();
    await expect(list.getByRole('button', { name: /^telegram_7700112233_yuki/ })).toBeVisible();
    await expect(list.getByRole('button', { name: /^019cae36-ea74-7fd8-b31d-77ecbff48089/ })).toBeVisible();
    await expect(list.getByRole('button', { name: /^(Rename|Delete) / })).toHaveCount(0);

    await list.getByRole('button', { name: /^ledger-service: idempotent transfers/ }).click();
    const session = app.getByRole('main', { name: 'Session' });
    await expect(session.getByRole('article').first()).toBeVisible();
    await expect(session.getByRole('button', { name: /^(Rename|Delete)$/ })).toHaveCount(0);
    expect(await fingerprint()).toBe(before);
  });
});

test('renames from the session header: Enter saves, Esc cancels', async ({ app, sandbox }) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  await app
    .getByRole('navigation', { name: 'Sessions' })
    .getByRole('button', { name: /^Fix the flaky parser test/ })
    .click();
  const session = app.getByRole('main', { name: 'Session' });

  await session.getByRole('button', { name: 'Rename' }).click();
  const input = session.getByRole('textbox', { name: 'New session name' });
  await input.fill('Dropped name');
  await input.press('Escape');
  await expect(session.getByRole('heading', { name: 'Fix the flaky parser test' })).toBeVisible();
  expect(JSON.parse(await readFile(file, 'utf8')).project_context.name).toBe('Fix the flaky parser test');

  await session.getByRole('button', { name: 'Rename' }).click();
  await input.fill('  Header rename: 日本語 ✓  ');
  await input.press('Enter');
  await expect(session.getByRole('heading', { name: 'Header rename: 日本語 ✓' })).toBeVisible();
  await expect(
    app
      .getByRole('navigation', { name: 'Sessions' })
      .getByRole('button', { name: /^Header rename: 日本語 ✓/ }),
  ).toBeVisible();
  expect(JSON.parse(await readFile(file, 'utf8')).project_context.name).toBe('Header rename: 日本語 ✓');
});

test('an empty name is not saved', async ({ app, sandbox }) => {
  const file = join(sandbox.sessionsDir, `${flaky}.json`);
  const before = await readFile(file);
  const list = app.getByRole('navigation', { name: 'Sessions' });
  await list.getByRole('button', { name: 'Rename Fix the flaky parser test' }).click();
  const input = list.getByRole('textbox', { name: 'New session name' });
  await input.fill('   ');
  await input.press('Enter');
  await expect(input).toHaveCount(0);
  expect((await readFile(file)).equals(before)).toBe(true);
});
