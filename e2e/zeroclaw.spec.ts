import { readFile, readdir, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Locator, Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { shoot } from './shoot';

/**
 * A ZeroClaw sessions directory (formats.md §2) with every case the UI has to show:
 * - slack_C123_1_2_ann.jsonl: a torn line (3), a blank line (4) and a hostile non-JSON line (7),
 *   an old "[Used tools: …]" prefix, a runtime notice; sessions.db knows its original key.
 * - telegram_42_bob running for 5 minutes, discord_ops_carol running for 2 hours (stuck at the
 *   default 30 minutes), cli_dave in error, all recorded in sessions.db.
 * - gw_7f3a: a gateway session whose messages live only in sessions.db.
 * - matrix_old_erin and irc_old_frank: untouched for ten days, so stale at any TTL under that.
 * The database and the old times are made here, per test, because they are relative to now.
 */
const test = base.extend({
  sandbox: async ({ sandbox }, use) => {
    const dir = sandbox.sessionsDir;
    const tenDaysAgo = new Date(Date.now() - 10 * day);
    for (const stem of stale) await utimes(join(dir, `${stem}.jsonl`), tenDaysAgo, tenDaysAgo);
    writeSessionsDb(join(dir, 'sessions.db'));
    await use(sandbox);
  },
});

test.use({ sessions: resolve(import.meta.dirname, 'fixtures', 'zeroclaw-e2e') });

const minute = 60_000;
const day = 24 * 60 * minute;
const stale = ['matrix_old_erin', 'irc_old_frank'];

function rfc3339(msAgo: number): string {
  return new Date(Date.now() - msAgo).toISOString().replace('Z', '+00:00');
}

function writeSessionsDb(path: string): void {
  const db = new DatabaseSync(path);
  db.exec(`
    CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, session_key TEXT NOT NULL,
      role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE session_metadata (session_key TEXT PRIMARY KEY, created_at TEXT NOT NULL,
      last_activity TEXT NOT NULL, message_count INTEGER NOT NULL DEFAULT 0, name TEXT,
      state TEXT NOT NULL DEFAULT 'idle', turn_id TEXT, turn_started_at TEXT);
  `);
  const meta = db.prepare(
    `INSERT INTO session_metadata (session_key, created_at, last_activity, message_count, name, state,
       turn_id, turn_started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  meta.run('slack_C123_1.2_ann', rfc3339(2 * day), rfc3339(3 * minute), 6, null, 'idle', null, null);
  meta.run(
    'telegram_42_bob',
    rfc3339(day),
    rfc3339(5 * minute),
    3,
    null,
    'running',
    't-17',
    rfc3339(5 * minute),
  );
  meta.run(
    'discord_ops_carol',
    rfc3339(day),
    rfc3339(2 * 60 * minute),
    2,
    null,
    'running',
    't-3',
    rfc3339(125 * minute),
  );
  meta.run('cli_dave', rfc3339(day), rfc3339(20 * minute), 2, null, 'error', 't-8', null);
  meta.run(
    'gw_7f3a',
    rfc3339(day),
    rfc3339(30 * minute),
    2,
    'Gateway: invoice questions',
    'idle',
    null,
    null,
  );
  const message = db.prepare(
    'INSERT INTO sessions (session_key, role, content, created_at) VALUES (?, ?, ?, ?)',
  );
  message.run('gw_7f3a', 'user', 'Which invoices are overdue?', rfc3339(31 * minute));
  message.run('gw_7f3a', 'assistant', 'Two: March and April.', rfc3339(30 * minute));
  db.close();
}

function sessionList(app: Page): Locator {
  return app.getByRole('navigation', { name: 'Sessions' });
}

function row(app: Page, name: RegExp): Locator {
  return sessionList(app).getByRole('button', { name });
}

async function openSession(app: Page, name: RegExp, heading: string): Promise<Locator> {
  await row(app, name).click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('heading', { name: heading })).toBeVisible();
  return session;
}

function lines(bytes: Buffer): string[] {
  return bytes.toString('utf8').split('\n');
}

test('the list shows run states, keys, storage and unreadable lines, and filters by state', async ({
  app,
}) => {
  const list = sessionList(app);
  await expect(list.locator('.row-main')).toHaveCount(7);
  await expect(row(app, /^telegram_42_bob/)).toContainText('Running for 5 min');
  await expect(row(app, /^discord_ops_carol/)).toContainText('Stuck for 2 h 5 min');
  await expect(row(app, /^cli_dave/)).toContainText('Error');
  await expect(row(app, /^slack_C123_1\.2_ann/)).toContainText('2 unreadable lines');
  await expect(row(app, /^Gateway: invoice questions/)).toContainText('SQLite');
  await shoot(app, 'zeroclaw', 'list');

  const filters = list.getByRole('group', { name: 'Filter sessions' });
  const running = filters.getByRole('button', { name: /^Running/ });
  const stuck = filters.getByRole('button', { name: /^Stuck/ });
  await running.click();
  await expect(running).toHaveAttribute('aria-pressed', 'true');
  await expect(list.locator('.row-main')).toHaveCount(2);
  await expect(row(app, /^telegram_42_bob/)).toBeVisible();
  await expect(row(app, /^discord_ops_carol/)).toBeVisible();

  await stuck.click();
  await expect(running).toHaveAttribute('aria-pressed', 'false');
  await expect(stuck).toHaveAttribute('aria-pressed', 'true');
  await expect(list.locator('.row-main')).toHaveCount(1);
  await expect(row(app, /^discord_ops_carol/)).toBeVisible();
  await shoot(app, 'zeroclaw', 'list-stuck');

  // A longer threshold: the two-hour turn is only running now, and the setting outlives a reload.
  const threshold = filters.getByRole('spinbutton', { name: 'Stuck after, in minutes' });
  await threshold.fill('180');
  await expect(list.getByText('No stuck sessions right now.')).toBeVisible();
  await list.getByRole('button', { name: 'Show all sessions' }).click();
  await expect(stuck).toHaveAttribute('aria-pressed', 'false');
  await expect(row(app, /^discord_ops_carol/)).toContainText('Running for 2 h 5 min');
  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(threshold).toHaveValue('180');
  await expect(row(app, /^discord_ops_carol/)).toContainText('Running for 2 h 5 min');
});

test('a runtime notice reads as a banner and old tool prefixes as chips', async ({ app }) => {
  const session = await openSession(app, /^slack_C123_1\.2_ann/, 'slack_C123_1.2_ann');
  const notice = session.getByRole('note', { name: /^Notice/ });
  await expect(notice).toHaveText('Session interrupted — not continuing this request');
  const answer = session.getByRole('article', { name: 'Turn 2, assistant' });
  const tools = answer.getByRole('list', { name: 'Tools used' });
  await expect(tools.getByRole('listitem')).toHaveText(['shell', 'file_read']);
  await expect(answer.locator('details')).toHaveCount(0);
  await expect(answer).toContainText('The export ran out of disk');
  await shoot(app, 'zeroclaw', 'conversation');
});

test('Remove last message rewrites the file without it, and Undo puts it back', async ({ app, sandbox }) => {
  const file = join(sandbox.sessionsDir, 'telegram_42_bob.jsonl');
  const before = await readFile(file);
  const session = await openSession(app, /^telegram_42_bob/, 'telegram_42_bob');
  await session.getByRole('button', { name: 'Remove last message' }).click();

  const dialog = app.getByRole('dialog', { name: 'Remove the last message?' });
  await expect(dialog.getByRole('figure', { name: 'The message to remove' })).toContainText(
    'Which one is blocking the release?',
  );
  await expect(dialog.getByRole('button', { name: 'Remove message' })).toBeFocused();
  await shoot(app, 'zeroclaw', 'remove-last');
  await dialog.getByRole('button', { name: 'Remove message' }).click();
  await expect(dialog).toHaveCount(0);

  const status = app.getByRole('status');
  await expect(status).toContainText('Removed the last message of “telegram_42_bob”');
  await expect(session.getByRole('article')).toHaveCount(2);
  const after = await readFile(file);
  expect(lines(after)).toEqual([...lines(before).slice(0, 2), '']);

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toContainText('Put the last message of “telegram_42_bob” back');
  await expect(session.getByRole('article')).toHaveCount(3);
  expect((await readFile(file)).equals(before)).toBe(true);
});

test('Esc and Cancel leave the file alone', async ({ app, sandbox }) => {
  const file = join(sandbox.sessionsDir, 'telegram_42_bob.jsonl');
  const before = await readFile(file);
  const session = await openSession(app, /^telegram_42_bob/, 'telegram_42_bob');
  const dialog = app.getByRole('dialog', { name: 'Remove the last message?' });

  await session.getByRole('button', { name: 'Remove last message' }).click();
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await session.getByRole('button', { name: 'Remove last message' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await readFile(file)).equals(before)).toBe(true);
});

test('Compact previews the lines it drops, drops exactly those, and Undo restores the file', async ({
  app,
  sandbox,
}) => {
  const file = join(sandbox.sessionsDir, 'slack_C123_1_2_ann.jsonl');
  const before = await readFile(file);
  const session = await openSession(app, /^slack_C123_1\.2_ann/, 'slack_C123_1.2_ann');
  await session.getByRole('button', { name: 'Compact…' }).click();

  const dialog = app.getByRole('dialog', { name: 'Compact this session?' });
  const dropped = dialog.getByRole('list', { name: 'Lines to drop' }).getByRole('listitem');
  await expect(dropped).toHaveCount(3);
  await expect(dropped.nth(0)).toContainText('Line 3');
  await expect(dropped.nth(0)).toContainText('{"role":"assistant","content":"I will rotate the');
  await expect(dropped.nth(1)).toContainText('Line 4');
  await expect(dropped.nth(2)).toContainText('Line 7');
  await expect(dropped.nth(2)).toContainText('<img src=x onerror="window.__pwned=1"> not a message');
  await expect(dialog.locator('img')).toHaveCount(0);
  await expect(dialog).toContainText('6 messages kept');
  await shoot(app, 'zeroclaw', 'compact');

  await dialog.getByRole('button', { name: 'Drop 3 lines' }).click();
  await expect(dialog).toHaveCount(0);
  const status = app.getByRole('status');
  await expect(status).toContainText('Compacted “slack_C123_1.2_ann”: 3 lines dropped');
  const kept = lines(before).filter((_, index) => ![2, 3, 6].includes(index));
  expect(lines(await readFile(file))).toEqual(kept);
  await expect(session.getByText('2 unreadable lines')).toHaveCount(0);

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toContainText('Restored “slack_C123_1.2_ann” as it was before compacting');
  expect((await readFile(file)).equals(before)).toBe(true);
  expect(await app.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('View raw lists the unreadable lines as plain text', async ({ app }) => {
  const session = await openSession(app, /^slack_C123_1\.2_ann/, 'slack_C123_1.2_ann');
  // The header's notice; the inspector beside the conversation offers the same button.
  await session.getByRole('button', { name: 'View raw' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Unreadable lines' });
  const items = dialog.getByRole('list', { name: 'Unreadable lines' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Line 3');
  await expect(items.nth(1)).toContainText('Line 7');
  await expect(items.nth(1).locator('pre')).toHaveText(
    '<img src=x onerror="window.__pwned=1"> not a message',
  );
  await expect(dialog.locator('img')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await shoot(app, 'zeroclaw', 'view-raw');
  await app.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(await app.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('the Session tab shows the key, storage, state and the sessions.db row', async ({ app }) => {
  const session = await openSession(app, /^telegram_42_bob/, 'telegram_42_bob');
  await session.getByRole('tab', { name: 'Session' }).click();
  const panel = session.getByRole('tabpanel');
  await expect(panel.getByRole('definition').first()).toHaveText('telegram_42_bob same as the file stem');
  await expect(panel.getByRole('region', { name: 'Storage' })).toContainText('telegram_42_bob.jsonl');
  const activity = panel.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText('Running for 5 min');
  await expect(activity).toContainText('t-17');
  const row = panel.getByRole('table', { name: 'session_metadata row' });
  await expect(row.getByRole('row', { name: /^state/ })).toContainText('running');
  await shoot(app, 'zeroclaw', 'inspector');
});

test('Clean up stale sessions previews by TTL, moves them to the trash, and Undo brings them all back', async ({
  app,
  sandbox,
}) => {
  const dir = sandbox.sessionsDir;
  const before = new Map<string, Buffer>();
  for (const stem of stale) before.set(stem, await readFile(join(dir, `${stem}.jsonl`)));
  await sessionList(app).getByRole('button', { name: 'Clean up stale sessions…' }).click();

  const dialog = app.getByRole('dialog', { name: 'Clean up stale sessions' });
  const ttl = dialog.getByRole('spinbutton', { name: 'Idle for more than hours' });
  await expect(ttl).toBeFocused();
  await expect(ttl).toHaveValue('72');
  const preview = dialog.getByRole('list', { name: 'Stale sessions' }).getByRole('listitem');
  await expect(preview).toHaveCount(2);
  await expect(preview.filter({ hasText: 'matrix_old_erin' })).toHaveCount(1);
  await expect(preview.filter({ hasText: 'irc_old_frank' })).toHaveCount(1);
  await shoot(app, 'zeroclaw', 'cleanup');

  const confirm = dialog.getByRole('button', { name: /to the trash$/ });
  await ttl.fill('1000');
  await expect(dialog.getByText('No session has been idle that long.')).toBeVisible();
  await expect(confirm).toBeDisabled();
  await ttl.fill('0');
  await expect(dialog.getByText('Enter a number of hours greater than 0.')).toBeVisible();
  await expect(confirm).toBeDisabled();
  await ttl.fill('72');
  await expect(preview).toHaveCount(2);
  await expect(confirm).toHaveText('Move 2 to the trash');
  await ttl.press('Enter');
  await expect(dialog).toHaveCount(0);

  const status = app.getByRole('status');
  await expect(status).toContainText('Moved 2 stale sessions to the trash');
  await expect(sessionList(app).locator('.row-main')).toHaveCount(5);
  const left = await readdir(dir);
  for (const stem of stale) expect(left).not.toContain(`${stem}.jsonl`);

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toContainText('Restored 2 sessions');
  await expect(sessionList(app).locator('.row-main')).toHaveCount(7);
  for (const [stem, bytes] of before)
    expect((await readFile(join(dir, `${stem}.jsonl`))).equals(bytes)).toBe(true);
});
