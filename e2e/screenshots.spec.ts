import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';

/** Pictures of the main views in light and dark, kept as test artifacts for a person to look at. */
const artifacts = resolve(import.meta.dirname, 'artifacts');

for (const scheme of ['light', 'dark'] as const) {
  test(`main views in ${scheme}`, async ({ app }, testInfo) => {
    test.skip(testInfo.project.name !== 'browser-host', 'one set of pictures is enough');
    await mkdir(artifacts, { recursive: true });
    await app.emulateMedia({ colorScheme: scheme });
    await app
      .getByRole('navigation', { name: 'Sessions' })
      .getByRole('button', { name: /^Fix the flaky/ })
      .click();
    const session = app.getByRole('main', { name: 'Session' });
    await session.getByRole('article').nth(1).getByText('bash').click();
    await expect(session.getByLabel('Result of bash')).toBeVisible();
    await app.screenshot({ path: join(artifacts, `session-${scheme}.png`) });
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
