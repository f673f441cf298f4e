import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { shoot } from './shoot';

/**
 * Search over the three orcs-basic sessions (see fixtures/README-orcs-basic.md), plus one made
 * here: 6,000 turns with a word only turn 5,001 holds, far past the first page of turns.
 */
const test = base.extend({
  sandbox: async ({ sandbox }, use) => {
    await writeFile(join(sandbox.sessionsDir, `${longId}.json`), await longSession());
    await use(sandbox);
  },
});

const longId = 'd0d0d0d0-0000-4000-8000-000000005000';
const longTurns = 6000;
const markedTurn = 5000;

/** An ORCS session shaped like the fixture it is copied from, with many turns. */
async function longSession(): Promise<string> {
  const fixture = resolve(
    import.meta.dirname,
    'fixtures',
    'orcs-basic',
    '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f.json',
  );
  const asset = JSON.parse(await readFile(fixture, 'utf8'));
  const start = 1763500000000;
  asset.id = longId;
  asset.project_context.name = 'A very long session';
  asset.created_at_ms = start;
  asset.updated_at_ms = start + longTurns * 1000;
  asset.history.max_turns = longTurns * 2;
  asset.history.turns = Array.from({ length: longTurns }, (_, index) => ({
    id: `6ba7b810-9dad-41d1-80b4-${String(index).padStart(12, '0')}`,
    timestamp_ms: start + index * 1000,
    role: index % 2 ? 'assistant' : 'user',
    content:
      index === markedTurn ? 'The zanzibar marker sits in this turn.' : `Routine turn number ${index}.`,
    tool_calls: [],
    tags: [],
    metadata: {},
  }));
  return JSON.stringify(asset, null, 2);
}

function searchBox(app: Page): Locator {
  return app.getByRole('searchbox', { name: 'Search sessions' });
}

function results(app: Page): Locator {
  return app.getByRole('region', { name: 'Search results' });
}

function group(app: Page, title: string): Locator {
  return results(app).locator('.result-group').filter({ hasText: title });
}

/** Waits for the index to have taken in the sandbox, so a search sees every session. */
async function indexed(app: Page): Promise<void> {
  await expect(app.getByRole('contentinfo', { name: 'Index status' })).toContainText('Index up to date', {
    timeout: 30_000,
  });
}

async function search(app: Page, query: string): Promise<void> {
  await searchBox(app).fill(query);
  await expect(results(app)).toHaveAttribute('aria-busy', 'false');
}

test('the status bar reaches "Index up to date" with the count of sessions', async ({ app }) => {
  const bar = app.getByRole('contentinfo', { name: 'Index status' });
  await indexed(app);
  await expect(bar).toContainText('Index up to date · 4 sessions');

  await bar.getByRole('button', { name: 'Rebuild index' }).click();
  await indexed(app);
  await search(app, 'HashMap');
  await expect(group(app, 'Fix the flaky parser test')).toBeVisible();
});

test('a word shows the session that holds it, the match marked, and nothing else', async ({ app }) => {
  await indexed(app);
  await search(app, 'HashMap');
  const flaky = group(app, 'Fix the flaky parser test');
  await expect(flaky).toBeVisible();
  await expect(flaky.locator('mark').first()).toHaveText(/hashmap/i);
  await expect(flaky.locator('.result-meta')).toContainText('ORCS');
  await expect(flaky.locator('.result-meta')).toContainText(/\d+ hits?/);
  await expect(results(app).locator('.result-group')).toHaveCount(1);
  await expect(results(app)).toContainText('Tool results are searched up to');
});

test('the results pane, for a person to look at', async ({ app }) => {
  await indexed(app);
  await search(app, 'test');
  await expect(group(app, 'Fix the flaky parser test')).toBeVisible();
  await shoot(app, 'search', 'results');
  await app.getByRole('button', { name: 'Filters', exact: true }).click();
  await app.getByRole('group', { name: 'Search filters' }).getByLabel('Format').selectOption('ZeroClaw');
  await expect(results(app)).toContainText('No sessions match');
  await shoot(app, 'search', 'empty');
});

test('clicking a hit opens its session scrolled to that turn, which is marked', async ({ app }) => {
  await indexed(app);
  await search(app, 'HashMap');
  await group(app, 'Fix the flaky parser test').getByRole('button').first().click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('heading', { name: 'Fix the flaky parser test' })).toBeVisible();
  const turn = session.getByRole('article', { name: 'Turn 3, assistant' });
  await expect(turn).toHaveAttribute('aria-current', 'location');
  await expect(turn).toBeInViewport();
});

test('a hit past the first pages of turns opens there, by keyboard', async ({ app }) => {
  await indexed(app);
  await search(app, 'zanzibar');
  await expect(group(app, 'A very long session')).toBeVisible();
  await searchBox(app).press('ArrowDown');
  await expect(group(app, 'A very long session').getByRole('button').first()).toBeFocused();
  await app.keyboard.press('Enter');
  const session = app.getByRole('main', { name: 'Session' });
  const turn = session.getByRole('article', { name: `Turn ${markedTurn + 1}, user` });
  await expect(turn).toHaveAttribute('aria-current', 'location');
  await expect(turn).toBeInViewport();
  await expect(turn).toContainText('zanzibar marker');
});

test('a later query wins over an earlier one that answers after it', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'holding an answer back needs the HTTP client');
  await indexed(app);
  const isSearch = (url: string) => url.endsWith('/api/call/search.query');
  await app.route('**/api/call/search.query', async (route) => {
    const slow = route.request().postDataJSON().query === 'HashMap';
    if (slow) await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const slowAnswer = app.waitForResponse(
    (response) => isSearch(response.url()) && response.request().postDataJSON().query === 'HashMap',
  );
  // Waited for before typing: the request can leave before a wait set up afterwards would see it.
  const slowAsked = app.waitForRequest((request) => isSearch(request.url()));
  await searchBox(app).fill('HashMap');
  await slowAsked;
  await search(app, 'why');
  await expect(results(app).locator('.result-group')).toHaveCount(2);
  await slowAnswer;
  await expect(results(app).locator('.result-group')).toHaveCount(2);
  await expect(group(app, 'Why does the build take four minutes?')).toBeVisible();
});

test('a phrase must match in order, and -word leaves out what holds it', async ({ app }) => {
  await indexed(app);
  await search(app, '"HashMap iteration"');
  await expect(group(app, 'Fix the flaky parser test')).toBeVisible();
  await search(app, '"iteration HashMap"');
  await expect(results(app)).toContainText('No sessions match');

  await search(app, 'why');
  await expect(group(app, 'Fix the flaky parser test')).toBeVisible();
  await expect(group(app, 'Why does the build take four minutes?')).toBeVisible();
  await search(app, 'why -build');
  await expect(group(app, 'Fix the flaky parser test')).toBeVisible();
  await expect(group(app, 'Why does the build take four minutes?')).toHaveCount(0);
});

test('a format filter narrows the results, and an empty result offers to clear it', async ({ app }) => {
  await indexed(app);
  await search(app, 'why');
  await expect(results(app).locator('.result-group')).toHaveCount(2);

  await app.getByRole('button', { name: 'Filters', exact: true }).click();
  const filters = app.getByRole('group', { name: 'Search filters' });
  await filters.getByLabel('Format').selectOption('ZeroClaw');
  await expect(app.getByRole('button', { name: 'Filters, 1 on' })).toBeVisible();
  await expect(results(app)).toContainText('No sessions match');
  await expect(results(app).locator('.result-group')).toHaveCount(0);

  await filters.getByLabel('Format').selectOption('ORCS');
  await expect(results(app).locator('.result-group')).toHaveCount(2);

  await filters.getByLabel('Format').selectOption('yoi');
  await results(app).getByRole('button', { name: 'Clear filters' }).click();
  await expect(results(app).locator('.result-group')).toHaveCount(2);
  await expect(app.getByRole('button', { name: 'Filters', exact: true })).toBeVisible();
});

test('hostile queries answer without an error, and never as markup', async ({ app }) => {
  await indexed(app);
  const errors: string[] = [];
  app.on('pageerror', (error) => errors.push(error.message));
  for (const query of [
    '"unbalanced ( NEAR AND * ^',
    'x'.repeat(5000) + ' ' + 'y'.repeat(4999),
    '<img src=x onerror="window.__pwned=1">',
    'NOT OR AND ) ( "" * : ^ -',
  ]) {
    await search(app, query);
    await expect(results(app).getByRole('alert')).toHaveCount(0);
  }
  expect(await app.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('/ focuses the search from anywhere but a field, and Esc gives the list back', async ({ app }) => {
  await app.getByRole('heading', { name: 'Sessionscope' }).click();
  await app.keyboard.press('/');
  await expect(searchBox(app)).toBeFocused();
  await app.keyboard.type('why/');
  await expect(searchBox(app)).toHaveValue('why/');

  await app.keyboard.press('Escape');
  await expect(searchBox(app)).toHaveValue('');
  await expect(results(app)).toHaveCount(0);
  const list = app.getByRole('navigation', { name: 'Sessions' });
  await expect(list.locator('.row-main').first()).toBeFocused();
});
