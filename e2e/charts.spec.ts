import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { serializeAsset } from '../src/core/formats/orcs/serialize';
import { newAsset, userTurn } from '../src/core/formats/orcs/testkit';
import { expect, test } from './fixtures';
import { shoot } from './shoot';

/**
 * The pictures: the library's activity view and a session's timeline tab. orcs-basic holds three
 * sessions created on 2025-11-20, -21 and -22 with 1, 2 and 3 turns, and two tool calls: `read`
 * (succeeded, 12 ms) and `bash` (failed, 8,450 ms), both in "Fix the flaky parser test".
 */

const fixtures = resolve(import.meta.dirname, 'fixtures');

test.use({ viewport: { width: 1400, height: 1000 } });

async function openActivity(app: Page): Promise<Locator> {
  await app.getByRole('button', { name: 'Activity', exact: true }).click();
  const view = app.getByRole('main', { name: 'Activity' });
  await expect(view.getByRole('heading', { name: 'Activity', level: 2 })).toBeVisible();
  return view;
}

/** The fill a chart mark is drawn with, as the page resolves its theme variable. */
async function fillOf(mark: Locator): Promise<string> {
  return mark.evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).fill ?? '');
}

/** The fill in light and in dark: the chart must follow the theme without being drawn again. */
async function fillsByScheme(app: Page, mark: Locator): Promise<[string, string]> {
  await app.emulateMedia({ colorScheme: 'light' });
  const light = await fillOf(mark);
  await app.emulateMedia({ colorScheme: 'dark' });
  const dark = await fillOf(mark);
  await app.emulateMedia({ colorScheme: 'light' });
  return [light, dark];
}

test.describe('activity', () => {
  test('shows sessions and turns per day and tool use with the fixture’s numbers', async ({ app }) => {
    const view = await openActivity(app);
    await expect(app).toHaveURL(/#\/activity$/);

    // The fixture is older than a month: the default range explains itself rather than draw an empty axis.
    const range = view.getByRole('group', { name: 'Range' });
    await expect(range.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
    await expect(view.getByText('No sessions or turns in the last 30 days')).toBeVisible();
    await expect(view.locator('.recharts-surface')).toHaveCount(0);
    await shoot(app, 'charts', 'activity-empty');

    await view.getByRole('button', { name: 'Show all time' }).click();
    await expect(range.getByRole('button', { name: 'All time' })).toHaveAttribute('aria-pressed', 'true');

    const days = view.getByRole('img', { name: /^Sessions and turns per day/ });
    await expect(days).toHaveAccessibleName(
      /from Nov 20, 2025 to Nov 22, 2025: 3 sessions, 6 turns; busiest day Nov 22, 2025 with 3 turns/,
    );
    await expect(days.locator('.recharts-bar-rectangle')).toHaveCount(3);

    const totals = view.getByRole('definition');
    await expect(totals).toHaveText(['3', '6', '2', '1 50%']);

    const tools = view.getByRole('img', { name: /^Tool calls by tool/ });
    await expect(tools).toHaveAccessibleName(/2 calls to 2 tools, 1 failed; most called/);
    const table = view.getByRole('table', { name: 'Tool calls by tool' });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0).getByRole('columnheader')).toHaveText([
      'Tool',
      'Calls',
      'Failed',
      'Failure rate',
      'Median',
      'p95',
    ]);
    // Equal calls sort by name.
    await expect(table.getByRole('row', { name: /^bash/ }).getByRole('cell')).toHaveText([
      '1',
      '1',
      '100%',
      '8.45 s',
      '8.45 s',
    ]);
    await expect(table.getByRole('row', { name: /^read/ }).getByRole('cell')).toHaveText([
      '1',
      '0',
      '0%',
      '12 ms',
      '12 ms',
    ]);

    const [light, dark] = await fillsByScheme(app, days.locator('.recharts-bar-rectangle path').first());
    expect(light).not.toBe(dark);
    // The pointer last pressed a button over the chart: its tooltip is not part of the picture.
    await app.mouse.move(0, 0);
    await shoot(app, 'charts', 'activity');
  });

  test('opens from the command palette and by its address', async ({ app, sandbox }) => {
    await app.locator('body').press('Control+k');
    const palette = app.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox').fill('activity');
    await palette.getByRole('option', { name: 'Show activity' }).click();
    const view = app.getByRole('main', { name: 'Activity' });
    await expect(view).toBeVisible();
    await view.getByRole('button', { name: 'Close Activity' }).click();
    await expect(view).toBeHidden();

    await app.goto(`${sandbox.url}#/activity`);
    await expect(app.getByRole('main', { name: 'Activity' })).toBeVisible();
  });
});

async function openTimeline(app: Page, title: RegExp): Promise<Locator> {
  await app
    .getByRole('navigation', { name: 'Sessions' })
    .getByRole('button', { name: title })
    .first()
    .click();
  const session = app.getByRole('main', { name: 'Session' });
  const tab = session.getByRole('tab', { name: 'Timeline' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return session.getByRole('tabpanel');
}

test.describe('session timeline', () => {
  test('draws turns and tool calls along the session, failed calls marked', async ({ app }) => {
    const panel = await openTimeline(app, /^Fix the flaky parser test/);
    const waterfall = panel.getByRole('img', { name: /^Timeline of 3 turns and 2 tool calls/ });
    await expect(waterfall).toHaveAccessibleName(
      'Timeline of 3 turns and 2 tool calls; 1 failed; over 12 s; slowest call bash, 8.4 s',
    );
    await expect(panel.getByRole('definition')).toHaveText(['3', '2', '1', '12 s']);
    // Three turns and two calls, a bar each.
    const bars = waterfall.locator('.recharts-bar-rectangle path');
    await expect(bars).toHaveCount(5);
    // The failed call is drawn in the danger colour, the one that succeeded is not.
    const failed = await fillOf(bars.nth(3));
    expect(failed).not.toBe(await fillOf(bars.nth(2)));
    const danger = await panel.evaluate(
      (element) =>
        element.ownerDocument.defaultView?.getComputedStyle(element).getPropertyValue('--danger') ?? '',
    );
    expect(await bars.nth(3).evaluate((element) => element.getAttribute('fill'))).toBe('var(--danger)');
    expect(danger.trim()).not.toBe('');

    await expect(panel.getByText('No token use recorded')).toBeVisible();
    const [light, dark] = await fillsByScheme(app, bars.first());
    expect(light).not.toBe(dark);
    await shoot(app, 'charts', 'timeline');
  });
});

test.describe('yoi timeline', () => {
  test.use({ sessions: resolve(fixtures, 'yoi-e2e') });

  test('charts the token use a yoi log records beside its timeline', async ({ app }) => {
    const panel = await openTimeline(app, /^0196a1b2-0000-7000-8000-000000000001/);
    await expect(panel.getByRole('img', { name: /^Timeline of/ })).toBeVisible();
    const tokens = panel.getByRole('img', { name: /^Token use over 1 request/ });
    await expect(tokens).toHaveAccessibleName('Token use over 1 request: 50 input (0 from cache), 10 output');
    await expect(panel.getByRole('list', { name: 'Token totals' }).getByRole('listitem')).toHaveText([
      'Input (uncached) 50',
      'Cache read 0',
      'Cache write 0',
      'Output 10',
    ]);
    await shoot(app, 'charts', 'timeline-yoi');
  });
});

test.describe('zeroclaw timeline', () => {
  test.use({ sessions: resolve(fixtures, 'zeroclaw-e2e') });

  test('explains a session whose format keeps no times instead of drawing an empty axis', async ({ app }) => {
    const panel = await openTimeline(app, /^slack_C123_1_2_ann/);
    await expect(panel.getByText('No times recorded')).toBeVisible();
    await expect(panel).toContainText('it has 6 turns and 2 tool calls');
    await expect(panel.getByText('No token use recorded')).toBeVisible();
    await expect(panel.locator('.recharts-surface')).toHaveCount(0);
    await shoot(app, 'charts', 'timeline-no-times');
  });
});

const long = 'c0ffee00-0000-4000-8000-000000002500';

/** A session of 2,500 turns, each with a tool call: 5,000 rows, past what the timeline draws one by one. */
function longSession(): string {
  const asset = newAsset(long, 1767225600000n);
  asset.project_context.name = 'A very long session';
  asset.history.max_turns = 10_000n;
  for (let i = 0; i < 2_500; i++) {
    const turn = userTurn(`t${i}`, `step ${i}`, 1767225600000n + BigInt(i) * 2_000n);
    turn.tool_calls.push({
      tool_name: 'read',
      args: null,
      result: null,
      success: i % 100 !== 0,
      duration_ms: 300n,
    });
    asset.history.turns.push(turn);
  }
  return serializeAsset(asset);
}

test.describe('long session timeline', () => {
  const withLong = test.extend({
    sandbox: async ({ sandbox }, use) => {
      await writeFile(join(sandbox.sessionsDir, `${long}.json`), longSession());
      await use(sandbox);
    },
  });

  withLong('draws spans of turns past the cap and says so', async ({ app }) => {
    const panel = await openTimeline(app, /^A very long session/);
    await expect(panel.getByRole('note')).toHaveText(
      '2,500 turns and 2,500 tool calls are more than the 2,000 rows drawn at most: each bar is a span of 2 turns.',
    );
    const waterfall = panel.getByRole('img', {
      name: /^Timeline of 2,500 turns and 2,500 tool calls; 25 failed/,
    });
    await expect(waterfall).toHaveAccessibleName(/each bar is 2 turns$/);
    await expect(waterfall.locator('.recharts-bar-rectangle')).toHaveCount(1_250);
    await shoot(app, 'charts', 'timeline-spans');
  });
});
