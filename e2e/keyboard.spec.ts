import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { findSessionRow } from './list';
import { shoot } from './shoot';

const sessionList = (app: Page) => app.getByRole('navigation', { name: 'Sessions' });
const rows = (app: Page) => sessionList(app).locator('.row-main');
const sessionView = (app: Page) => app.getByRole('main', { name: 'Session' });
const palette = (app: Page) => app.getByRole('dialog', { name: 'Command palette' });
const sheet = (app: Page) => app.getByRole('dialog', { name: 'Keyboard shortcuts' });

/** Focus on nothing in particular, where the window's shortcuts apply. */
async function focusPage(app: Page) {
  await app.getByRole('heading', { name: 'Sessionscope' }).click();
}

test('j/k and the arrow keys move the current row, and Enter opens it', async ({ app }) => {
  await focusPage(app);
  await app.keyboard.press('j');
  await expect(rows(app).nth(0)).toBeFocused();
  await app.keyboard.press('j');
  await expect(rows(app).nth(1)).toBeFocused();
  await expect(sessionList(app).locator('.session-row.current')).toHaveCount(1);
  await shoot(app, 'keyboard', 'current-row');
  await app.keyboard.press('k');
  await expect(rows(app).nth(0)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(rows(app).nth(1)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowUp');
  await expect(rows(app).nth(1)).toBeFocused();

  const title = (await rows(app).nth(1).locator('.row-title').textContent()) ?? '';
  await app.keyboard.press('Enter');
  await expect(sessionView(app).getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(rows(app).nth(1)).toHaveAttribute('aria-current', 'true');
});

test('/ focuses the search box', async ({ app }) => {
  await focusPage(app);
  await app.keyboard.press('/');
  await expect(app.getByRole('searchbox', { name: 'Search sessions' })).toBeFocused();
});

test('F2 renames the current row or the open session, and Esc cancels', async ({ app }) => {
  const row = await findSessionRow(app, /^Fix the flaky parser test/);
  await row.click();
  await expect(sessionView(app).getByRole('heading', { name: 'Fix the flaky parser test' })).toBeVisible();

  await app.keyboard.press('F2');
  const inList = sessionList(app).getByRole('textbox', { name: 'New session name' });
  await expect(inList).toBeFocused();
  await expect(inList).toHaveValue('Fix the flaky parser test');
  await app.keyboard.press('Escape');
  await expect(inList).toHaveCount(0);

  await sessionView(app).getByRole('heading', { name: 'Fix the flaky parser test' }).click();
  await app.keyboard.press('F2');
  const inHeader = sessionView(app).getByRole('textbox', { name: 'New session name' });
  await expect(inHeader).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(inHeader).toHaveCount(0);
  await expect(sessionView(app).getByRole('heading', { name: 'Fix the flaky parser test' })).toBeVisible();

  // The palette's Rename renames the same session, and the field it opens has the keyboard.
  await app.keyboard.press('ControlOrMeta+k');
  await palette(app).getByRole('combobox').fill('rename');
  await expect(
    palette(app).getByRole('option', { name: /Rename “Fix the flaky parser test”/ }),
  ).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(palette(app)).toHaveCount(0);
  await expect(inHeader).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(inHeader).toHaveCount(0);
});

test('Delete moves the current session to the trash and Ctrl+Z brings it back', async ({ app }) => {
  const row = await findSessionRow(app, /^Fix the flaky parser test/);
  await row.focus();
  await app.keyboard.press('Delete');
  await expect(app.getByRole('status')).toContainText('Moved “Fix the flaky parser test” to the trash');
  await expect(rows(app)).toHaveCount(2);
  // The keyboard stays in the list, on the row that followed.
  await expect(sessionList(app).getByRole('button', { name: /^Why does the build/ })).toBeFocused();

  await app.keyboard.press('ControlOrMeta+z');
  await expect(rows(app)).toHaveCount(3);
  await expect(sessionList(app).getByRole('button', { name: /^Fix the flaky parser test/ })).toBeVisible();
});

test('Ctrl+K opens the palette; a session typed and Enter opens it', async ({ app }) => {
  await focusPage(app);
  await app.keyboard.press('ControlOrMeta+k');
  await expect(palette(app)).toBeVisible();
  const input = palette(app).getByRole('combobox', { name: 'Command palette' });
  await expect(input).toBeFocused();
  await expect(palette(app).getByRole('option', { name: /Recently deleted/ })).toBeVisible();
  await shoot(app, 'keyboard', 'palette');

  // "Open session…" lists the sessions alone; Backspace in the empty field goes back.
  await app.keyboard.press('Enter');
  await expect(palette(app).getByRole('option')).toHaveCount(3);
  await expect(palette(app).getByRole('option', { selected: true })).toHaveCount(1);
  await expect(palette(app).getByRole('option', { name: /Recently deleted/ })).toHaveCount(0);
  await shoot(app, 'keyboard', 'palette-browsing');
  await app.keyboard.press('Backspace');
  await expect(palette(app).getByRole('option', { name: 'Open session…' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  await input.fill('storage migr');
  await expect(palette(app).getByRole('option', { name: /Plan the storage migration/ })).toBeVisible();
  await shoot(app, 'keyboard', 'palette-sessions');
  await app.keyboard.press('Enter');
  await expect(palette(app)).toHaveCount(0);
  await expect(sessionView(app).getByRole('heading', { name: 'Plan the storage migration' })).toBeVisible();
});

test('the palette’s Recently deleted opens the trash, and Esc closes it again', async ({ app }) => {
  await focusPage(app);
  await app.keyboard.press('ControlOrMeta+k');
  await palette(app).getByRole('combobox').fill('recently');
  await app.keyboard.press('Enter');
  await expect(palette(app)).toHaveCount(0);
  await expect(app.getByRole('main', { name: 'Recently deleted' })).toBeVisible();

  await focusPage(app);
  await app.keyboard.press('Escape');
  await expect(app.getByRole('main', { name: 'Recently deleted' })).toHaveCount(0);
});

test('? shows the shortcut sheet, from the keyboard and from the palette, and Esc closes it', async ({
  app,
}) => {
  await focusPage(app);
  await app.keyboard.press('?');
  await expect(sheet(app)).toBeVisible();
  const table = sheet(app).getByRole('table', { name: 'Shortcuts' });
  await expect(table.getByRole('columnheader', { name: 'Keys' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Rename the current session/ })).toContainText('F2');
  await expect(table.getByRole('row', { name: /Command palette/ })).toBeVisible();
  await shoot(app, 'keyboard', 'shortcuts');
  await app.keyboard.press('Escape');
  await expect(sheet(app)).toHaveCount(0);

  await app.keyboard.press('ControlOrMeta+k');
  await palette(app).getByRole('combobox').fill('shortcuts');
  await app.keyboard.press('Enter');
  await expect(palette(app)).toHaveCount(0);
  await expect(sheet(app)).toBeVisible();
  await sheet(app).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(sheet(app)).toHaveCount(0);
});
