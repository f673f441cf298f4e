import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { findSessionRow } from './list';
import { shoot } from './shoot';

const sessionView = (app: Page) => app.getByRole('main', { name: 'Session' });
const palette = (app: Page) => app.getByRole('dialog', { name: 'Command palette' });
const exportDialog = (app: Page) => app.getByRole('dialog', { name: 'Export session' });

async function openFlakySession(app: Page) {
  await (await findSessionRow(app, /^Fix the flaky parser test/)).click();
  await expect(sessionView(app).getByRole('heading', { name: 'Fix the flaky parser test' })).toBeVisible();
}

async function runFromPalette(app: Page, typed: string, option: RegExp) {
  await app.keyboard.press('ControlOrMeta+k');
  await palette(app).getByRole('combobox').fill(typed);
  await palette(app).getByRole('option', { name: option }).click();
  await expect(palette(app)).toHaveCount(0);
}

/** Electron saves through its native save dialog, which Playwright cannot answer. */
function browserHostOnly() {
  test.skip(
    test.info().project.name === 'electron',
    'Electron saves through the native save dialog, which Playwright cannot answer; saveExport.test.ts covers it',
  );
}

test('the palette exports the open session as a web page that downloads, escaped and script-free', async ({
  app,
}) => {
  browserHostOnly();
  await openFlakySession(app);
  await runFromPalette(app, 'export', /^Export “Fix the flaky parser test”/);
  const dialog = exportDialog(app);
  await expect(dialog.getByRole('radio', { name: /Markdown/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /Web page/ }).check();
  await shoot(app, 'export', 'dialog');

  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Fix-the-flaky-parser-test.html');
  const html = await readFile(await download.path(), 'utf8');
  expect(html).toContain('<title>Fix the flaky parser test</title>');
  expect(html).toContain('HashMap iteration order');
  expect(html).not.toMatch(/<script|<iframe|\son[a-z]+=/i);
  await expect(dialog).toHaveCount(0);
});

test('Markdown and JSON download by keyboard alone, each under its own name', async ({ app }) => {
  browserHostOnly();
  await openFlakySession(app);
  for (const [typed, name, extension] of [
    ['Markdown', /Markdown/, 'md'],
    ['JSON', /JSON/, 'json'],
  ] as const) {
    await runFromPalette(app, 'export', /^Export “Fix the flaky parser test”/);
    const dialog = exportDialog(app);
    await expect(dialog.getByRole('button', { name: 'Export' })).toBeFocused();
    await dialog.getByRole('radio', { name }).check();
    const downloading = app.waitForEvent('download');
    await app.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename(), typed).toBe(`Fix-the-flaky-parser-test.${extension}`);
    const body = await readFile(await download.path(), 'utf8');
    if (extension === 'json') expect(JSON.parse(body).summary.title).toBe('Fix the flaky parser test');
    else expect(body).toContain('HashMap iteration order');
  }
});

test("the header's Export button opens the same dialog", async ({ app }) => {
  browserHostOnly();
  await openFlakySession(app);
  await sessionView(app).getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog(app)).toContainText('“Fix the flaky parser test”');
  await app.keyboard.press('Escape');
  await expect(exportDialog(app)).toHaveCount(0);
});

test('Copy as Markdown puts the whole session on the clipboard', async ({ app, context }) => {
  browserHostOnly();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFlakySession(app);
  await runFromPalette(app, 'copy markdown', /^Copy “Fix the flaky parser test” as Markdown/);
  await expect(app.getByRole('status')).toContainText('Copied “Fix the flaky parser test” as Markdown');
  // A string, since this file is typed for Node, whose navigator has no clipboard.
  const copied = await app.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toContain('Fix the flaky parser test');
  expect(copied).toContain('**HashMap iteration order**');

  await runFromPalette(app, 'export', /^Export/);
  await exportDialog(app).getByRole('button', { name: 'Cancel' }).click();
  await expect(exportDialog(app)).toHaveCount(0);
});
