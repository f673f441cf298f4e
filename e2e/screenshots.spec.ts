import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';

/** Pictures of the main views in light and dark, kept as test artifacts for a person to look at. */
const artifacts = resolve(import.meta.dirname, 'artifacts');

/** The two window sizes people most use: a laptop and a full-HD monitor. */
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

for (const size of sizes) {
  test(`the main views at ${size.width}×${size.height}, light and dark`, async ({ app }, testInfo) => {
    test.skip(testInfo.project.name !== 'browser-host', 'one set of pictures is enough');
    const folder = join(artifacts, `views-${size.width}x${size.height}`);
    await mkdir(folder, { recursive: true });
    await app.setViewportSize(size);
    const shootBoth = async (name: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await app.emulateMedia({ colorScheme: scheme });
        await app.screenshot({ path: join(folder, `${name}-${scheme}.png`), animations: 'disabled' });
      }
    };

    const list = app.getByRole('navigation', { name: 'Sessions' });
    await list.getByRole('button', { name: /^Fix the flaky/ }).click();
    const session = app.getByRole('main', { name: 'Session' });
    await session.getByRole('article').nth(1).getByText('bash').click();
    await expect(session.getByLabel('Result of bash')).toBeVisible();
    await shootBoth('session');

    await session.getByRole('tab', { name: 'Timeline' }).click();
    await expect(session.getByRole('img').first()).toBeVisible();
    await shootBoth('session-timeline');

    await list.getByRole('searchbox', { name: 'Search sessions' }).fill('parser');
    await expect(app.getByRole('region', { name: 'Search results' })).toBeVisible();
    await shootBoth('search');
    await list.getByRole('searchbox', { name: 'Search sessions' }).fill('');

    await app.getByRole('button', { name: 'Activity' }).click();
    const activity = app.getByRole('main', { name: 'Activity' });
    // The fixtures are a year old, older than the last 30 days the view opens on.
    await activity.getByRole('button', { name: 'Show all time' }).click();
    await expect(activity.getByRole('img').first()).toBeVisible();
    await shootBoth('activity');

    await app.getByRole('button', { name: 'Settings' }).click();
    await expect(app.getByRole('main', { name: 'Settings' })).toBeVisible();
    await shootBoth('settings');
  });
}

test.describe('the demo library', () => {
  test.use({ sessions: null });

  test('as a first-time user sees it', async ({ app }, testInfo) => {
    test.skip(testInfo.project.name !== 'browser-host', 'one set of pictures is enough');
    await mkdir(artifacts, { recursive: true });
    await app.getByRole('button', { name: 'Open demo library' }).click();
    const list = app.getByRole('navigation', { name: 'Sessions' });
    const session = app.getByRole('main', { name: 'Session' });

    await list.getByRole('button', { name: /^ledger-service: idempotent transfers/ }).click();
    await expect(session.getByRole('article').first()).toBeVisible();
    await app.screenshot({ path: join(artifacts, 'demo-conversation.png') });
    await session.getByRole('tab', { name: /Facts/ }).click();
    await app.screenshot({ path: join(artifacts, 'demo-facts.png') });

    await list.getByRole('button', { name: /^telegram_7700112233_yuki/ }).click();
    await expect(session.getByRole('article').first()).toContainText('障害報告');
    await app.screenshot({ path: join(artifacts, 'demo-zeroclaw.png') });

    // The fork of the PR review: its lineage names the session it came from.
    await list.getByRole('button', { name: /^019cae36-ea74-7fd8-b31d-77ecbff48089/ }).click();
    await expect(session.getByRole('article').first()).toBeVisible();
    await session.getByRole('tab', { name: /Lineage/ }).click();
    await expect(session.getByText('fork', { exact: false }).first()).toBeVisible();
    await app.screenshot({ path: join(artifacts, 'demo-yoi-lineage.png') });
  });
});
