import { cp, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { shoot } from './shoot';

const orcsBasic = resolve(import.meta.dirname, 'fixtures', 'orcs-basic');
const zeroclaw = resolve(import.meta.dirname, 'fixtures', 'zeroclaw-e2e');

/** The sandbox's fake home (HOME for the host): where browsing starts and default roots are found. */
const homeOf = (homeDir: string) => join(homeDir, '..', 'home');

/** `homeOrcs`: sessions copied to ~/.orcs/sessions before the app starts, found as its default root. */
const test = base.extend<{ homeOrcs: string | null }>({
  homeOrcs: [null, { option: true }],
  sandbox: async ({ sandbox, homeOrcs }, use) => {
    if (homeOrcs) await cp(homeOrcs, join(homeOf(sandbox.homeDir), '.orcs', 'sessions'), { recursive: true });
    await use(sandbox);
  },
});

const settingsView = (app: Page) => app.getByRole('main', { name: 'Settings' });
const rootList = (app: Page) => settingsView(app).getByRole('list', { name: 'Where sessions are read from' });
const rows = (app: Page) => app.getByRole('navigation', { name: 'Sessions' }).locator('.row-main');
const palette = (app: Page) => app.getByRole('dialog', { name: 'Command palette' });
/** The page's own background, as the theme's --bg paints it. */
const expectBackground = (app: Page, colour: string) =>
  expect(app.locator('html')).toHaveCSS('background-color', colour);
const light = 'rgb(247, 247, 248)';
const dark = 'rgb(18, 18, 21)';

async function runCommand(app: Page, name: string): Promise<void> {
  await app.locator('body').press('Control+k');
  await palette(app).getByRole('combobox').fill(name);
  // An action's name is its label and then its shortcut, where it has one.
  await palette(app)
    .getByRole('option', { name: new RegExp(`^${name}( |$)`) })
    .click();
  await expect(palette(app)).toHaveCount(0);
}

/** No serious or critical axe violation of WCAG 2.1 A and AA, each failure named in the log. */
async function expectAccessible(app: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page: app })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious, view).toEqual([]);
}

async function settingsJson(homeDir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(homeDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

test('the title bar and the palette switch the theme, which outlives a reload', async ({ app }) => {
  const html = app.locator('html');
  await expect(html).not.toHaveAttribute('data-theme');
  await expectBackground(app, light);

  await app.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expectBackground(app, dark);
  await expect(app.getByRole('button', { name: 'Switch to the light theme' })).toBeVisible();

  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expectBackground(app, dark);

  await runCommand(app, 'Theme: Light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expectBackground(app, light);

  // Following the system again: a dark system now shows dark, with no choice of the app's own.
  await app.emulateMedia({ colorScheme: 'dark' });
  await runCommand(app, 'Theme: System');
  await expect(html).not.toHaveAttribute('data-theme');
  await expectBackground(app, dark);
  await runCommand(app, 'Toggle theme');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expectBackground(app, light);

  await runCommand(app, 'Theme: Dark');
  await app.keyboard.press('Control+,');
  const appearance = settingsView(app).getByRole('group', { name: 'Theme' });
  await expect(appearance.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await appearance.getByRole('radio', { name: 'Same as the system' }).check();
  await expect(html).not.toHaveAttribute('data-theme');
  await app.emulateMedia({ colorScheme: 'light' });
  await expectBackground(app, light);
});

test('Ctrl+, the gear and the palette open the settings, and a launch with no address returns there', async ({
  app,
  sandbox,
}) => {
  await app.locator('body').press('Control+,');
  await expect(settingsView(app)).toBeVisible();
  expect(new URL(app.url()).hash).toBe('#/settings');
  await app.keyboard.press('Escape');
  await expect(settingsView(app)).toHaveCount(0);

  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(settingsView(app)).toBeVisible();
  await settingsView(app).getByRole('button', { name: 'Close settings' }).click();
  await expect(settingsView(app)).toHaveCount(0);

  await runCommand(app, 'Open settings');
  await expect(settingsView(app)).toBeVisible();
  await shoot(app, 'settings', 'view');

  if (!sandbox.url) throw new Error('the browser host has an address');
  await app.goto(sandbox.url);
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(settingsView(app)).toBeVisible();

  // The last session open is restored the same way.
  await settingsView(app).getByRole('button', { name: 'Close settings' }).click();
  await app
    .getByRole('navigation', { name: 'Sessions' })
    .getByRole('button', { name: /^Plan the storage migration/ })
    .click();
  await expect(app.getByRole('main', { name: 'Session' })).toBeVisible();
  await app.goto(sandbox.url);
  await expect(app.getByRole('main', { name: 'Session' })).toContainText('Plan the storage migration');
});

test('the trash retention is checked and saved to settings.json', async ({ app, sandbox }) => {
  await app.locator('body').press('Control+,');
  const field = settingsView(app).getByRole('spinbutton', { name: 'Keep deleted sessions for' });
  await expect(field).toHaveValue('30');
  const save = settingsView(app).getByRole('button', { name: 'Save' });

  await field.fill('0');
  await save.click();
  await expect(settingsView(app).getByRole('alert')).toHaveText(
    'Enter a whole number of days from 1 to 3650.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('4000');
  await save.click();
  await expect(settingsView(app).getByRole('alert')).toBeVisible();

  await field.fill('7');
  await save.click();
  await expect(app.getByRole('status').filter({ hasText: 'kept for 7 days' })).toBeVisible();
  expect((await settingsJson(sandbox.homeDir)).trashRetentionDays).toBe(7);

  await app.reload();
  await expect(settingsView(app).getByRole('spinbutton', { name: 'Keep deleted sessions for' })).toHaveValue(
    '7',
  );
});

test('the index section says where the index is and rebuilds it', async ({ app, sandbox }) => {
  await app.locator('body').press('Control+,');
  const index = settingsView(app).getByRole('region', { name: 'Search index' });
  await expect(index).toContainText(join(sandbox.homeDir, 'index', 'sessions.sqlite'));
  await expect(index).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(index).toContainText('3 sessions');
  await index.getByRole('button', { name: 'Rebuild index' }).click();
  // Emptied and read again from the files: once it is done it holds all three again.
  await expect(index.getByRole('button', { name: 'Rebuild index' })).toBeEnabled();
  await expect(index).toContainText('3 sessions');
  await expect(app.getByRole('contentinfo', { name: 'Index status' })).toContainText('Index up to date');
});

test.describe('on a machine with no sessions', () => {
  test.use({ sessions: null });

  test('the settings and the folder browser meet WCAG AA in either theme', async ({ app }) => {
    await app.locator('body').press('Control+,');
    await expect(settingsView(app)).toBeVisible();
    for (const theme of ['Light', 'Dark'] as const) {
      await runCommand(app, `Theme: ${theme}`);
      await expectAccessible(app, `the settings in ${theme}`);
      await settingsView(app).getByRole('button', { name: 'Add folder…' }).click();
      const browser = app.getByRole('dialog', { name: 'Add a folder of sessions' });
      await expect(browser.getByRole('navigation', { name: 'Folder path' })).toContainText('home');
      await expectAccessible(app, `the folder browser in ${theme}`);
      await browser.getByRole('button', { name: 'Cancel' }).click();
      await expect(browser).toHaveCount(0);
    }
  });

  test('a folder added through the in-app browser, rescanned, then removed', async ({ app, sandbox }) => {
    const home = homeOf(sandbox.homeDir);
    const logs = join(home, 'projects', 'agent-logs');
    await cp(orcsBasic, logs, { recursive: true });
    await mkdir(join(home, 'projects', 'later'));

    await expect(app.getByRole('heading', { name: 'No sessions found' })).toBeVisible();
    await shoot(app, 'settings', 'first-run');
    await app.getByRole('button', { name: 'Add folder…' }).click();
    const browser = app.getByRole('dialog', { name: 'Add a folder of sessions' });
    const subfolders = browser.getByRole('list', { name: 'Subfolders' });
    await subfolders.getByRole('button', { name: 'projects' }).click();
    await expect(browser.getByRole('navigation', { name: 'Folder path' })).toContainText('projects');
    await subfolders.getByRole('button', { name: 'agent-logs' }).click();
    await expect(browser).toContainText('This folder holds ORCS sessions.');
    await shoot(app, 'settings', 'folder-browser');
    await browser.getByRole('button', { name: 'Up to the parent folder' }).click();
    await expect(subfolders.getByRole('button', { name: 'agent-logs' })).toBeVisible();
    await subfolders.getByRole('button', { name: 'agent-logs' }).click();
    await browser.getByRole('button', { name: 'Choose this folder' }).click();
    await expect(browser).toHaveCount(0);
    await expect(rows(app)).toHaveCount(3);
    expect((await settingsJson(sandbox.homeDir)).roots).toEqual([{ path: logs, format: 'orcs' }]);

    await app.keyboard.press('Control+,');
    const added = rootList(app).getByRole('listitem', { name: logs });
    await expect(added).toContainText('ORCS');
    await expect(added).toContainText('Added by you');
    await expect(added).toContainText('3 sessions');

    // An empty folder is a root with no format yet; Rescan finds what arrived since.
    await settingsView(app).getByRole('button', { name: 'Add folder…' }).click();
    await subfolders.getByRole('button', { name: 'projects' }).click();
    await subfolders.getByRole('button', { name: 'later' }).click();
    await expect(browser).toContainText('No sessions of a known format here.');
    await browser.getByRole('button', { name: 'Choose this folder' }).click();
    const later = rootList(app).getByRole('listitem', { name: join(home, 'projects', 'later') });
    await expect(later).toContainText('No format yet');
    await expect(later).toContainText('0 sessions');
    await cp(zeroclaw, join(home, 'projects', 'later'), { recursive: true });
    await later.getByRole('button', { name: /^Rescan / }).click();
    await expect(later).toContainText('ZeroClaw');
    await expect(later).toContainText('6 sessions');
    await expect(rows(app)).toHaveCount(9);
    await shoot(app, 'settings', 'roots');

    await added.getByRole('button', { name: `Remove ${logs}` }).click();
    await expect(added).toHaveCount(0);
    await expect(rows(app)).toHaveCount(6);
    expect((await settingsJson(sandbox.homeDir)).roots).toEqual([
      { path: join(home, 'projects', 'later'), format: 'zeroclaw' },
    ]);
  });

  test('a folder no format knows is refused in the browser, which stays open', async ({ app, sandbox }) => {
    await mkdir(join(homeOf(sandbox.homeDir), 'notes'));
    await cp(join(orcsBasic, '..', 'README-orcs-basic.md'), join(homeOf(sandbox.homeDir), 'notes', 'a.md'));
    await app.getByRole('button', { name: 'Add folder…' }).click();
    const browser = app.getByRole('dialog', { name: 'Add a folder of sessions' });
    await browser.getByRole('list', { name: 'Subfolders' }).getByRole('button', { name: 'notes' }).click();
    await browser.getByRole('button', { name: 'Choose this folder' }).click();
    await expect(browser.getByRole('alert')).toContainText('no sessions of a known format');
    await browser.getByRole('button', { name: 'Cancel' }).click();
    await expect(browser).toHaveCount(0);
    await expect(app.getByRole('heading', { name: 'No sessions found' })).toBeVisible();
  });

  test.describe('with sessions at ORCS’s usual place', () => {
    test.use({ homeOrcs: orcsBasic });

    test('a removed default folder stays removed, until it is added again', async ({ app, sandbox }) => {
      await expect(rows(app)).toHaveCount(3);
      await app.locator('body').press('Control+,');
      const found = join(homeOf(sandbox.homeDir), '.orcs', 'sessions');
      const item = rootList(app).getByRole('listitem', { name: found });
      await expect(item).toContainText('Found at its format’s usual place');
      await item.getByRole('button', { name: `Remove ${found}` }).click();
      await expect(settingsView(app).getByText('No folders yet.')).toBeVisible();
      expect((await settingsJson(sandbox.homeDir)).hiddenRoots).toEqual([{ path: found }]);

      await app.reload();
      await expect(settingsView(app).getByText('No folders yet.')).toBeVisible();

      await settingsView(app).getByRole('button', { name: 'Add folder…' }).click();
      const browser = app.getByRole('dialog', { name: 'Add a folder of sessions' });
      const subfolders = browser.getByRole('list', { name: 'Subfolders' });
      await subfolders.getByRole('button', { name: '.orcs' }).click();
      await subfolders.getByRole('button', { name: 'sessions' }).click();
      await browser.getByRole('button', { name: 'Choose this folder' }).click();
      await expect(rootList(app).getByRole('listitem', { name: found })).toContainText('3 sessions');
      expect((await settingsJson(sandbox.homeDir)).hiddenRoots).toEqual([]);
      await settingsView(app).getByRole('button', { name: 'Close settings' }).click();
      await expect(rows(app)).toHaveCount(3);
    });
  });
});
