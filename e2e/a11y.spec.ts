import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { findSessionRow } from './list';

/**
 * An axe-core scan of each main view, in light and in dark: no serious or critical violation of
 * WCAG 2.1 A and AA. Each failure names the rule and the elements, so it can be fixed from the log.
 */
async function expectAccessible(app: Page, view: string) {
  const { violations } = await new AxeBuilder({ page: app })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
    }));
  expect(serious, `${view}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

const sessionList = (app: Page) => app.getByRole('navigation', { name: 'Sessions' });

for (const scheme of ['light', 'dark'] as const) {
  test(`the main views have no serious accessibility violations in ${scheme}`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await expectAccessible(app, 'the list');

    await (await findSessionRow(app, /^Fix the flaky parser test/)).click();
    const session = app.getByRole('main', { name: 'Session' });
    await expect(session.getByRole('article').first()).toBeVisible();
    await expectAccessible(app, 'an open session');

    await sessionList(app).getByRole('searchbox').fill('parser');
    await expect(
      sessionList(app)
        .getByRole('region', { name: /results/i })
        .first(),
    ).toBeVisible();
    await expectAccessible(app, 'search results');
    await sessionList(app).getByRole('searchbox').fill('');

    await app.getByRole('button', { name: /^Recently deleted/ }).click();
    await expect(app.getByRole('main', { name: 'Recently deleted' })).toBeVisible();
    await expectAccessible(app, 'the trash');

    await sessionList(app)
      .getByRole('button', { name: /^History/ })
      .click();
    await expect(app.getByRole('main', { name: 'History' })).toBeVisible();
    await expectAccessible(app, 'the history');

    await app.getByRole('heading', { name: 'Sessionscope' }).click();
    await app.keyboard.press('ControlOrMeta+k');
    await expect(app.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await expectAccessible(app, 'the command palette');
    await app.keyboard.press('Escape');

    await app.keyboard.press('?');
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectAccessible(app, 'the shortcut sheet');
  });
}

test.describe('the first run', () => {
  test.use({ sessions: null });

  test('the empty library has no serious accessibility violations', async ({ app }) => {
    await expect(app.getByRole('button', { name: 'Open demo library' })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await expectAccessible(app, `the first run in ${scheme}`);
    }
  });
});
