import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shoot } from './shoot';

const flaky = 'Fix the flaky parser test';
const plan = 'Plan the storage migration';
const build = 'Why does the build take four minutes?';

function sources(app: Page): Locator {
  return app.getByRole('navigation', { name: 'Sources' });
}

function sessionList(app: Page): Locator {
  return app.getByRole('navigation', { name: 'Sessions' });
}

/** The titles of the rows shown, top to bottom (the fixtures are short enough to show whole). */
function titles(app: Page): Locator {
  return sessionList(app).locator('.row-title');
}

function groupHeadings(app: Page): Locator {
  return sessionList(app).getByRole('heading', { level: 3 });
}

function count(app: Page): Locator {
  return sessionList(app).locator('.pane-header .count');
}

async function choose(app: Page, menu: RegExp, option: string): Promise<void> {
  await sessionList(app).getByRole('button', { name: menu }).click();
  const dialog = app.getByRole('dialog');
  await dialog.getByRole('radio', { name: option, exact: true }).check();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function openFilters(app: Page): Promise<Locator> {
  await sessionList(app)
    .getByRole('button', { name: /^Filter the list/ })
    .click();
  const dialog = app.getByRole('dialog', { name: 'List filters' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function reload(app: Page): Promise<void> {
  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
}

test('the sources pane counts the folder, format and projects, and narrows the list to each', async ({
  app,
}) => {
  const pane = sources(app);
  const folders = pane.getByRole('list', { name: 'Folders' });
  const folder = folders.getByRole('button', { name: /^…\/.+\/sessions ORCS 3 sessions$/ });
  await expect(folders.getByRole('button')).toHaveCount(1);
  await expect(folder).toBeVisible();
  await expect(pane.getByRole('list', { name: 'Formats' }).getByRole('button')).toHaveText([/^ORCS\s+3$/]);
  const projects = pane.getByRole('list', { name: 'Projects' });
  await expect(projects.getByRole('button')).toHaveCount(3);
  const parser = projects.getByRole('button', { name: '…/code/parser 1 session' });
  await expect(parser).toBeVisible();
  await expect(pane.getByRole('button', { name: 'All sessions 3 sessions' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(count(app)).toHaveText('3 sessions');
  await shoot(app, 'sources', 'pane');

  await parser.click();
  await expect(parser).toHaveAttribute('aria-pressed', 'true');
  await expect(titles(app)).toHaveText([flaky]);
  await expect(count(app)).toHaveText('1 of 3 sessions');
  await expect(
    sessionList(app).getByRole('list', { name: 'Active filters' }).getByRole('listitem'),
  ).toHaveText(['Project: …/code/parser']);
  // Choosing it again shows everything again.
  await parser.click();
  await expect(parser).toHaveAttribute('aria-pressed', 'false');
  await expect(titles(app)).toHaveCount(3);
  await expect(count(app)).toHaveText('3 sessions');

  const orcs = pane.getByRole('button', { name: 'ORCS 3 sessions', exact: true });
  await orcs.click();
  await expect(orcs).toHaveAttribute('aria-pressed', 'true');
  await expect(count(app)).toHaveText('3 of 3 sessions');
  await pane.getByRole('button', { name: /^All sessions/ }).click();
  await expect(orcs).toHaveAttribute('aria-pressed', 'false');
  await expect(count(app)).toHaveText('3 sessions');

  await folder.click();
  await expect(folder).toHaveAttribute('aria-pressed', 'true');
  await expect(titles(app)).toHaveCount(3);
  await sessionList(app)
    .getByRole('button', { name: /^Remove filter Folder: …\// })
    .click();
  await expect(folder).toHaveAttribute('aria-pressed', 'false');
  await expect(sessionList(app).getByRole('list', { name: 'Active filters' })).toBeHidden();
});

test('sorts by title and by size, either way round', async ({ app }) => {
  await expect(titles(app)).toHaveText([plan, flaky, build]);
  await choose(app, /^Sort: /, 'Title');
  await expect(sessionList(app).getByRole('button', { name: 'Sort: Title, A to Z' })).toBeVisible();
  await expect(titles(app)).toHaveText([flaky, plan, build]);
  await choose(app, /^Sort: /, 'Z to A');
  await expect(titles(app)).toHaveText([build, plan, flaky]);

  // Sizes on disk: the parser session is the largest, the build question the smallest.
  await choose(app, /^Sort: /, 'Size');
  await expect(sessionList(app).getByRole('button', { name: 'Sort: Size, Largest first' })).toBeVisible();
  await expect(titles(app)).toHaveText([flaky, plan, build]);
  await choose(app, /^Sort: /, 'Smallest first');
  await expect(titles(app)).toHaveText([build, plan, flaky]);
});

test('groups by project and by day, with a header over each group', async ({ app }) => {
  await expect(groupHeadings(app)).toHaveCount(0);
  await choose(app, /^Group: /, 'Project');
  await expect(groupHeadings(app)).toHaveText([
    '…/code/parser, 1 session',
    '…/code/store, 1 session',
    '…/code/web, 1 session',
  ]);
  await expect(titles(app)).toHaveText([flaky, plan, build]);
  await shoot(app, 'sources', 'grouped-by-project');

  await choose(app, /^Group: /, 'Day');
  await expect(sessionList(app).getByRole('button', { name: 'Group: Day' })).toBeVisible();
  // Each session was last updated on a day of its own, long ago: three dated headers, newest first.
  await expect(groupHeadings(app)).toHaveCount(3);
  await expect(groupHeadings(app).nth(0)).toHaveText(/23.*2025|2025.*23/);
  await expect(groupHeadings(app).nth(2)).toHaveText(/20.*2025|2025.*20/);
  await expect(titles(app)).toHaveText([plan, flaky, build]);

  await choose(app, /^Group: /, 'No grouping');
  await expect(groupHeadings(app)).toHaveCount(0);
});

test('filters by format, project, updated dates and failed tool calls, each shown as a chip', async ({
  app,
}) => {
  const chips = sessionList(app).getByRole('list', { name: 'Active filters' });
  let filters = await openFilters(app);
  await filters.getByLabel('Format').selectOption({ label: 'ORCS (3)' });
  await filters.getByLabel('Project').selectOption({ label: '…/code/store (1)' });
  await expect(titles(app)).toHaveText([plan]);
  await expect(count(app)).toHaveText('1 of 3 sessions');
  await expect(chips.getByRole('listitem')).toHaveText([
    'Format: ORCS',
    'Project: …/code/store',
    'Clear all',
  ]);
  await shoot(app, 'sources', 'filter-menu');
  await app.keyboard.press('Escape');
  await expect(filters).toBeHidden();
  await chips.getByRole('button', { name: 'Clear all' }).click();
  await expect(count(app)).toHaveText('3 sessions');

  filters = await openFilters(app);
  await filters.getByLabel('Updated from').fill('2025-11-22');
  await expect(titles(app)).toHaveText([plan, flaky]);
  await filters.getByLabel('Updated to').fill('2025-11-22');
  await expect(titles(app)).toHaveText([flaky]);
  await expect(chips.getByRole('listitem').first()).toHaveText(/^Updated from /);
  await filters.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(titles(app)).toHaveCount(3);

  // The parser session's bash call failed; its row says so too.
  await filters.getByRole('checkbox', { name: 'Has failed tool calls' }).check();
  await expect(titles(app)).toHaveText([flaky]);
  await expect(sessionList(app).getByRole('button', { name: new RegExp(`^${flaky}`) })).toContainText(
    '1 failed',
  );
  await app.keyboard.press('Escape');
  await chips.getByRole('button', { name: 'Remove filter Has failed tool calls' }).click();
  await expect(titles(app)).toHaveCount(3);

  // Nothing left: the list says so and offers the way back.
  filters = await openFilters(app);
  await filters.getByLabel('Updated from').fill('2030-01-01');
  await app.keyboard.press('Escape');
  await expect(sessionList(app).getByText('No sessions match these filters.')).toBeVisible();
  await sessionList(app).getByRole('button', { name: 'Show all sessions' }).click();
  await expect(titles(app)).toHaveCount(3);
});

test('sort, group and filters outlive a reload', async ({ app }) => {
  await choose(app, /^Sort: /, 'Size');
  await choose(app, /^Sort: /, 'Smallest first');
  await choose(app, /^Group: /, 'Project');
  await sources(app).getByRole('button', { name: 'ORCS 3 sessions', exact: true }).click();
  const filters = await openFilters(app);
  await filters.getByRole('checkbox', { name: 'Has failed tool calls' }).check();
  await app.keyboard.press('Escape');
  await expect(titles(app)).toHaveText([flaky]);

  await reload(app);
  const list = sessionList(app);
  await expect(list.getByRole('button', { name: 'Sort: Size, Smallest first' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Group: Project' })).toBeVisible();
  await expect(list.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveText([
    'Format: ORCS',
    'Has failed tool calls',
    'Clear all',
  ]);
  await expect(sources(app).getByRole('button', { name: 'ORCS 3 sessions', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(groupHeadings(app)).toHaveText(['…/code/parser, 1 session']);
  await expect(titles(app)).toHaveText([flaky]);
});

test('the keyboard walks the sources, the menus and the grouped rows, skipping headers', async ({ app }) => {
  const pane = sources(app);
  await pane.getByRole('button', { name: /^All sessions/ }).focus();
  await app.keyboard.press('ArrowDown');
  await expect(pane.getByRole('button', { name: / ORCS 3 sessions$/ })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  const orcs = pane.getByRole('button', { name: 'ORCS 3 sessions', exact: true });
  await expect(orcs).toBeFocused();
  await app.keyboard.press('End');
  const web = pane.getByRole('button', { name: '…/code/web 1 session' });
  await expect(web).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(web).toHaveAttribute('aria-pressed', 'true');
  await expect(titles(app)).toHaveText([build]);
  await app.keyboard.press('Enter');
  await expect(titles(app)).toHaveCount(3);

  // The sort menu: opened with Enter, its choice moved with the arrows, closed with Esc.
  const sort = sessionList(app).getByRole('button', { name: /^Sort: / });
  await sort.focus();
  await app.keyboard.press('Enter');
  const menu = app.getByRole('dialog', { name: 'Sort sessions' });
  await expect(menu.getByRole('radio', { name: 'Updated' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(menu.getByRole('radio', { name: 'Title' })).toBeChecked();
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(sessionList(app).getByRole('button', { name: 'Sort: Title, A to Z' })).toBeFocused();

  await choose(app, /^Group: /, 'Project');
  await expect(groupHeadings(app)).toHaveCount(3);
  const row = (title: string) => sessionList(app).getByRole('button', { name: new RegExp(`^${title}`) });
  await app.locator('body').focus();
  await app.keyboard.press('j');
  await expect(row(flaky)).toBeFocused();
  await app.keyboard.press('j');
  await expect(row(plan)).toBeFocused();
  await app.keyboard.press('j');
  await expect(row(build)).toBeFocused();
  await app.keyboard.press('k');
  await expect(row(plan)).toBeFocused();
});

/** ZeroClaw records run states in sessions.db: one turn running, one stuck, one in error. */
const withStates = test.extend({
  sandbox: async ({ sandbox }, use) => {
    const db = new DatabaseSync(join(sandbox.sessionsDir, 'sessions.db'));
    db.exec(`
      CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, session_key TEXT NOT NULL,
        role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE session_metadata (session_key TEXT PRIMARY KEY, created_at TEXT NOT NULL,
        last_activity TEXT NOT NULL, message_count INTEGER NOT NULL DEFAULT 0, name TEXT,
        state TEXT NOT NULL DEFAULT 'idle', turn_id TEXT, turn_started_at TEXT);
    `);
    const ago = (minutes: number) =>
      new Date(Date.now() - minutes * 60_000).toISOString().replace('Z', '+00:00');
    const meta = db.prepare(
      `INSERT INTO session_metadata (session_key, created_at, last_activity, message_count, state, turn_id,
         turn_started_at) VALUES (?, ?, ?, 2, ?, ?, ?)`,
    );
    meta.run('telegram_42_bob', ago(1440), ago(5), 'running', 't-1', ago(5));
    meta.run('discord_ops_carol', ago(1440), ago(120), 'running', 't-2', ago(125));
    meta.run('cli_dave', ago(1440), ago(20), 'error', 't-3', null);
    db.close();
    await use(sandbox);
  },
});

withStates.describe('run states and unreadable lines', () => {
  withStates.use({ sessions: resolve(import.meta.dirname, 'fixtures', 'zeroclaw-e2e') });

  withStates('filters by state and by unreadable lines, in step with the Running toggle', async ({ app }) => {
    const list = sessionList(app);
    await expect(list.locator('.row-main')).toHaveCount(6);
    const filters = await openFilters(app);
    await filters.getByLabel('State').selectOption('Error');
    await expect(titles(app)).toHaveText([/^cli_dave/]);
    await expect(count(app)).toHaveText('1 of 6 sessions');
    await filters.getByLabel('State').selectOption('Stuck');
    await expect(titles(app)).toHaveText([/^discord_ops_carol/]);
    await filters.getByLabel('State').selectOption('Any state');
    await filters.getByRole('checkbox', { name: 'Has unreadable lines' }).check();
    await expect(list.locator('.row-main')).toHaveCount(1);
    await expect(list.locator('.row-main')).toContainText('2 unreadable lines');
    await filters.getByRole('checkbox', { name: 'Has unreadable lines' }).uncheck();
    await app.keyboard.press('Escape');

    // The Running toggle is the same filter as the menu's state: one shows what the other set.
    const running = list
      .getByRole('group', { name: 'Filter sessions' })
      .getByRole('button', { name: /^Running/ });
    await running.click();
    await expect(list.locator('.row-main')).toHaveCount(2);
    const chips = list.getByRole('list', { name: 'Active filters' });
    await expect(chips.getByRole('listitem')).toHaveText(['State: Running']);
    await expect((await openFilters(app)).getByLabel('State')).toHaveValue('running');
    await app.keyboard.press('Escape');
    await chips.getByRole('button', { name: 'Remove filter State: Running' }).click();
    await expect(running).toHaveAttribute('aria-pressed', 'false');
    await expect(list.locator('.row-main')).toHaveCount(6);
  });
});

test.describe('several folders', () => {
  test.use({ sessions: null });

  test('the demo library’s read-only folders, formats and projects, combined and cleared', async ({
    app,
  }) => {
    await app.getByRole('button', { name: 'Open demo library' }).click();
    const pane = sources(app);
    const folders = pane.getByRole('list', { name: 'Folders' }).getByRole('button');
    await expect(folders).toHaveCount(3);
    for (const [format, n] of [
      ['ORCS', 6],
      ['ZeroClaw', 4],
      ['yoi', 3],
    ] as const) {
      await expect(
        pane.getByRole('button', {
          name: new RegExp(`/${format.toLowerCase()} ${format} ${n} sessions, read-only$`),
        }),
      ).toBeVisible();
      await expect(pane.getByRole('button', { name: `${format} ${n} sessions`, exact: true })).toBeVisible();
    }
    await expect(count(app)).toHaveText('13 sessions');
    await shoot(app, 'sources', 'demo');

    const zeroclaw = pane.getByRole('button', { name: 'ZeroClaw 4 sessions', exact: true });
    await zeroclaw.click();
    await expect(count(app)).toHaveText('4 of 13 sessions');
    await pane.getByRole('button', { name: /\/yoi yoi 3 sessions, read-only$/ }).click();
    await expect(sessionList(app).getByText('No sessions match these filters.')).toBeVisible();
    await pane.getByRole('button', { name: /^All sessions/ }).click();
    await expect(count(app)).toHaveText('13 sessions');

    const project = pane.getByRole('list', { name: 'Projects' }).getByRole('button').first();
    const projectName = (await project.getAttribute('aria-label')) ?? '';
    const shown = Number(/ (\d+) sessions?$/.exec(projectName)?.[1]);
    await project.click();
    await expect(count(app)).toHaveText(`${shown} of 13 sessions`);

    // The ZeroClaw logs were copied just now, so grouping by day puts them under Today.
    await pane.getByRole('button', { name: /^All sessions/ }).click();
    await choose(app, /^Group: /, 'Day');
    await expect(groupHeadings(app).first()).toHaveText('Today, 4 sessions');
    await shoot(app, 'sources', 'demo-by-day');
  });
});
