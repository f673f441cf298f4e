import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const artifacts = resolve(import.meta.dirname, 'artifacts', 'inspector');
const full = 'Migrate billing to Postgres';
const bare = 'Sketch an invoice CLI';

// Tall enough that each screenshot shows its panel whole; the panels scroll inside the window.
test.use({
  sessions: resolve(import.meta.dirname, 'fixtures', 'orcs-inspector'),
  viewport: { width: 1280, height: 1100 },
});

/** A row's button is named by its title first; the row's Rename and Delete buttons end with it. */
async function openSession(app: Page, title: string): Promise<Locator> {
  const list = app.getByRole('navigation', { name: 'Sessions' });
  await list.getByRole('button', { name: new RegExp(`^${title}`) }).click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('heading', { name: title })).toBeVisible();
  return session;
}

async function openTab(session: Locator, name: string): Promise<Locator> {
  const tab = session.getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return session.getByRole('tabpanel');
}

/** The panel as a person sees it; e2e/artifacts is gitignored and read by eye, not compared. */
async function shoot(app: Page, name: string): Promise<void> {
  await app.screenshot({ path: join(artifacts, `${name}.png`) });
}

function bodyRows(table: Locator): Locator {
  return table.locator('tbody tr');
}

test('the tabs carry counts where they list things', async ({ app }) => {
  const session = await openSession(app, full);
  await expect(session.getByRole('tab', { name: 'Facts 6' })).toBeVisible();
  await expect(session.getByRole('tab', { name: 'Skills 3' })).toBeVisible();
  await expect(session.getByRole('tab', { name: 'Components 5' })).toBeVisible();
  await expect(session.getByRole('tab', { name: 'Tools', exact: true })).toBeVisible();
  await expect(session.getByRole('tab', { name: 'Preferences', exact: true })).toBeVisible();
  await expect(session.getByRole('tab', { name: 'Session', exact: true })).toBeVisible();
});

test('Tools sums calls, failures and time per tool, most time first', async ({ app }) => {
  const panel = await openTab(await openSession(app, full), 'Tools');
  await expect(panel.getByText('Across all 8 turns')).toBeVisible();

  const totals = panel.getByRole('definition');
  await expect(totals.nth(0)).toContainText('11');
  await expect(totals.nth(0)).toContainText('5 tools');
  await expect(totals.nth(1)).toHaveText(/^2\s*18% of calls$/);
  await expect(totals.nth(3)).toContainText('48.2 s');
  await expect(totals.nth(3)).toContainText('bash');

  const rows = bodyRows(panel.getByRole('table', { name: 'Tools' }));
  await expect(rows.locator('th')).toHaveText(['bash', 'grep', 'edit', 'read', 'write']);
  await expect(rows.nth(0).getByRole('cell')).toHaveText(['3', '1', '1 min 11 s', '48.2 s', '>99%']);
  await expect(rows.nth(2).getByRole('cell')).toHaveText(['2', '1', '76 ms', '41 ms', '<1%']);
  await expect(rows.nth(3).getByRole('cell')).toHaveText(['3', '0', '34 ms', '14 ms', '<1%']);
  await shoot(app, 'tools');
});

/** An ORCS session of `count` turns, one 2 ms `read` each, every tenth failing. */
function longSession(id: string, name: string, count: number): string {
  const turns = Array.from({ length: count }, (_, index) => ({
    id: `${id.slice(0, 24)}${String(index).padStart(12, '0')}`,
    timestamp_ms: 1763000000000 + index * 1000,
    role: 'assistant',
    content: `step ${index}`,
    tool_calls: [{ tool_name: 'read', args: {}, result: null, success: index % 10 !== 0, duration_ms: 2 }],
    tags: [],
    metadata: {},
  }));
  const asset = {
    id,
    version: 1,
    created_at_ms: 1763000000000,
    updated_at_ms: 1764000000000,
    history: { turns, compacted: [], max_turns: 10000 },
    preferences: {
      coding_style: {
        preferred_languages: [],
        indent: null,
        indent_size: null,
        naming_convention: null,
        comment_style: null,
      },
      communication: { verbosity: null, language: null, formality: null, include_examples: false },
      frequent_tools: [],
      custom: {},
    },
    project_context: {
      root_path: null,
      name,
      technologies: [],
      key_files: [],
      architecture_notes: [],
      learned_facts: [],
      persistent_contexts: [],
    },
    skill_configs: {},
    component_snapshots: {},
    granted_commands: [],
    metadata: {},
  };
  return JSON.stringify(asset, null, 2);
}

/** Sessions written after the app started appear on a reload, which lists the root afresh. */
async function addSession(app: Page, sessionsDir: string, id: string, json: string): Promise<void> {
  await writeFile(join(sessionsDir, `${id}.json`), json);
  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
}

test('Tools reads every page of a long session before it summarises', async ({ app, sandbox }) => {
  const id = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  await addSession(app, sandbox.sessionsDir, id, longSession(id, 'A long session', 450));

  const panel = await openTab(await openSession(app, 'A long session'), 'Tools');
  await expect(panel.getByText('Across all 450 turns')).toBeVisible();
  const row = bodyRows(panel.getByRole('table', { name: 'Tools' })).first();
  await expect(row.getByRole('cell')).toHaveText(['450', '45', '900 ms', '2 ms', '100%']);
});

test('Tools says what it is based on when a session is too long to read whole', async ({ app, sandbox }) => {
  const id = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
  await addSession(app, sandbox.sessionsDir, id, longSession(id, 'A very long session', 5_001));

  const panel = await openTab(await openSession(app, 'A very long session'), 'Tools');
  await expect(panel.getByRole('status')).toHaveText(
    /^Based on \d+ of 5,001 turns — a session this long is summarised from the turns read so far\.$/,
  );
  await expect(panel.getByRole('table', { name: 'Tools' })).toBeVisible();
  await shoot(app, 'tools-partial');
});

test('Facts filter by text and sort by every column', async ({ app }) => {
  const panel = await openTab(await openSession(app, full), 'Facts');
  const table = panel.getByRole('table', { name: 'Facts' });
  const keys = bodyRows(table).locator('th');
  await expect(keys).toHaveText(['db', 'test-runner', 'ci', 'money', 'deploy', 'note']);
  await expect(panel.getByRole('status')).toHaveText('6 facts');
  await shoot(app, 'facts');

  const filter = panel.getByRole('searchbox', { name: 'Filter facts' });
  await filter.fill('user');
  await expect(keys).toHaveText(['db', 'money']);
  await expect(panel.getByRole('status')).toHaveText('2 of 6 facts');
  await filter.fill('inferred blue');
  await expect(keys).toHaveText(['deploy']);
  await filter.fill('nothing like this');
  await expect(keys).toHaveCount(0);
  await expect(panel.getByText('No facts match “nothing like this”')).toBeVisible();
  await shoot(app, 'facts-no-match');
  await panel.getByRole('button', { name: 'Clear filter' }).click();
  await expect(keys).toHaveCount(6);

  const confidence = panel.getByRole('columnheader', { name: 'Confidence' });
  await expect(confidence).toHaveAttribute('aria-sort', 'none');
  await confidence.getByRole('button').click();
  await expect(confidence).toHaveAttribute('aria-sort', 'descending');
  await expect(keys).toHaveText(['db', 'money', 'ci', 'test-runner', 'deploy', 'note']);
  await expect(bodyRows(table).first()).toContainText('1.00');
  await shoot(app, 'facts-by-confidence');
  await confidence.getByRole('button').click();
  await expect(confidence).toHaveAttribute('aria-sort', 'ascending');
  await expect(keys).toHaveText(['note', 'deploy', 'test-runner', 'ci', 'money', 'db']);

  const key = panel.getByRole('columnheader', { name: 'Key' });
  await key.getByRole('button').click();
  await expect(key).toHaveAttribute('aria-sort', 'ascending');
  await expect(confidence).toHaveAttribute('aria-sort', 'none');
  await expect(keys).toHaveText(['ci', 'db', 'deploy', 'money', 'note', 'test-runner']);

  await panel.getByRole('columnheader', { name: 'Source' }).getByRole('button').click();
  await expect(keys).toHaveText(['test-runner', 'deploy', 'ci', 'note', 'db', 'money']);
  await panel.getByRole('columnheader', { name: 'Value' }).getByRole('button').click();
  await expect(keys.first()).toHaveText('note');
  await panel.getByRole('columnheader', { name: 'Learned' }).getByRole('button').click();
  await expect(keys).toHaveText(['note', 'deploy', 'test-runner', 'money', 'ci', 'db']);
});

test('a fact written to attack the viewer is shown as the text it is', async ({ app }) => {
  const panel = await openTab(await openSession(app, full), 'Facts');
  await expect(panel.getByRole('cell', { name: '<img src=x onerror=alert(1)> **not bold**' })).toBeVisible();
  await expect(panel.locator('img')).toHaveCount(0);
  await expect(panel.locator('strong')).toHaveCount(0);
});

test('Preferences show every field, set or not', async ({ app }) => {
  let panel = await openTab(await openSession(app, full), 'Preferences');
  const coding = panel.getByRole('region', { name: 'Coding style' });
  await expect(coding.getByRole('list', { name: 'Preferred languages' }).getByRole('listitem')).toHaveText([
    'rust',
    'typescript',
    'sql',
  ]);
  for (const text of ['spaces', '4', 'snake_case', 'doc comments say why']) {
    await expect(coding.getByRole('definition').filter({ hasText: text })).toHaveCount(1);
  }
  const talk = panel.getByRole('region', { name: 'Communication' });
  await expect(talk.getByRole('definition')).toHaveText(['concise', 'en', 'casual', 'Yes']);
  await expect(panel.getByRole('list', { name: 'Frequent tools' }).getByRole('listitem')).toHaveText([
    'read',
    'grep',
    'bash',
    'edit',
  ]);
  const custom = panel.getByRole('region', { name: 'Custom' });
  await expect(custom.getByRole('term')).toHaveText([
    'auto_format',
    'legacy_flag',
    'lint',
    'max_line_length',
    'reviewers',
    'theme',
  ]);
  await expect(custom.getByLabel('Custom preference lint')).toContainText('clippy');
  await expect(custom.getByRole('definition').nth(1)).toHaveText('null');
  await shoot(app, 'preferences');

  panel = await openTab(await openSession(app, bare), 'Preferences');
  await expect(panel.getByText('not set')).toHaveCount(8);
  await expect(
    panel.getByRole('region', { name: 'Communication' }).getByRole('definition').last(),
  ).toHaveText('No');
  await expect(panel.getByText('No custom preferences')).toBeVisible();
  await shoot(app, 'preferences-unset');
});

test('Project shows the root, its technologies, files, notes and contexts, rendered safely', async ({
  app,
}) => {
  const panel = await openTab(await openSession(app, full), 'Project');
  await expect(panel.getByText('/home/ada/code/billing')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Technologies' }).getByRole('listitem')).toHaveCount(5);
  await expect(panel.getByRole('list', { name: 'Key files' }).getByRole('listitem')).toHaveText([
    'Cargo.toml',
    'src/db/mod.rs',
    'migrations/0001_init.sql',
    '.github/workflows/ci.yml',
  ]);
  await expect(panel.getByRole('list', { name: 'Architecture notes' }).getByRole('listitem')).toHaveCount(3);

  const style = panel.getByRole('article', { name: 'Context house-style' });
  await expect(style).toContainText('always');
  await expect(style.getByRole('strong')).toHaveText('house style');
  await expect(style.getByRole('link', { name: 'the guide' })).toBeVisible();
  await expect(style).toContainText('image not loaded: tracker');
  await expect(style.locator('img, script')).toHaveCount(0);
  expect(await app.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(panel.getByRole('article', { name: 'Context billing-glossary' })).toContainText('on request');
  await shoot(app, 'project');
});

test('Skills word every trigger and show each skill’s state and parameters', async ({ app }) => {
  const panel = await openTab(await openSession(app, full), 'Skills');
  const lint = panel.getByRole('article', { name: 'Skill lint' });
  await expect(lint.getByRole('list', { name: 'Triggers of lint' }).getByRole('listitem')).toHaveText([
    'When a file matching *.rs is edited',
    'Every 5 minutes',
  ]);
  await expect(lint).toContainText('Enabled');
  await expect(lint.getByLabel('Parameters of lint')).toContainText('deny');

  const review = panel.getByRole('article', { name: 'Skill review' });
  await expect(review).toContainText('code-review');
  await expect(review.getByRole('list', { name: 'Triggers of review' }).getByRole('listitem')).toHaveText([
    'Before each LLM request',
    'After each LLM response',
    'When the event git.commit fires',
  ]);

  const digest = panel.getByRole('article', { name: 'Skill digest' });
  await expect(digest).toContainText('Disabled');
  await expect(digest).toContainText('Auto-trigger is off');
  const triggers = digest.getByRole('list', { name: 'Triggers of digest' }).getByRole('listitem');
  await expect(triggers.nth(0)).toHaveText('Every 60 seconds');
  await expect(triggers.nth(1)).toContainText('Unknown trigger');
  await expect(triggers.nth(1).getByLabel('Unknown trigger as written')).toContainText('OnGitPush');
  await expect(digest).toContainText('No parameters.');
  await shoot(app, 'skills');
});

test('Components show each snapshot and every grant with its kind', async ({ app }) => {
  const panel = await openTab(await openSession(app, full), 'Components');
  const hil = panel.getByRole('article', { name: 'Component orcs::hil::Hil' });
  await expect(hil).toContainText('v1');
  await expect(hil.getByLabel('State of orcs::hil::Hil')).toContainText('resolved');
  await expect(hil.getByLabel('Metadata of orcs::hil::Hil')).toContainText('saved_by');
  await expect(panel.getByRole('article', { name: 'Component orcs::shell::Shell' })).toContainText(
    'No metadata.',
  );

  const grants = bodyRows(panel.getByRole('table', { name: 'Granted commands' }));
  await expect(grants.nth(0).getByRole('cell')).toHaveText(['Persistent', 'cargo nextest run*']);
  await expect(grants.nth(1).getByRole('cell')).toHaveText(['One-time', 'git push origin main']);
  await expect(grants.nth(2).getByRole('cell')).toHaveText(['Persistent', 'ls']);
  await shoot(app, 'components');
});

test('Session shows the file’s identity, its history and metadata of every JSON type', async ({ app }) => {
  const panel = await openTab(await openSession(app, full), 'Session');
  await expect(panel.getByText('5f0c2a7e-8d3b-4c1e-9a6f-2b7d4e8c1a90')).toBeVisible();
  await expect(panel.getByRole('region', { name: 'History' })).toContainText('42 earlier turns in 1 summary');
  await expect(panel.getByRole('list', { name: 'Compacted spans' })).toContainText(
    'Agreed on the migration plan',
  );
  await expect(panel.getByText('Local only')).toBeVisible();

  const rows = bodyRows(panel.getByRole('table', { name: 'Session metadata' }));
  await expect(rows.locator('th')).toHaveText([
    'client',
    'dry_run',
    'labels',
    'origin',
    'parent_session',
    'temperature',
    'turn_budget',
  ]);
  await expect(rows.locator('td:first-of-type')).toHaveText([
    'string',
    'boolean',
    'array',
    'object',
    'null',
    'number',
    'number',
  ]);
  await expect(rows.nth(3).getByLabel('Metadata origin')).toContainText('host');
  await shoot(app, 'session');
});

test('an empty session says so in every panel', async ({ app }) => {
  const session = await openSession(app, bare);
  const expectations: [tab: string, text: string][] = [
    ['Tools', 'No tool calls in this session'],
    ['Facts', 'No learned facts'],
    ['Project', 'No persistent contexts'],
    ['Skills', 'No skills configured'],
    ['Components', 'No component snapshots'],
    ['Session', 'No metadata'],
  ];
  for (const [tab, text] of expectations) {
    const panel = await openTab(session, tab);
    await expect(panel.getByText(text)).toBeVisible();
    await shoot(app, `empty-${tab.toLowerCase()}`);
  }
});

test('every panel in dark mode', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  const session = await openSession(app, full);
  for (const tab of ['Tools', 'Facts', 'Preferences', 'Project', 'Skills', 'Components', 'Session']) {
    const panel = await openTab(session, tab);
    await expect(panel.getByRole('region').first()).toBeVisible();
    await shoot(app, `dark-${tab.toLowerCase()}`);
  }
});
