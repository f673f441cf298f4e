import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { findSessionRow } from './list';

/** The project's full ORCS fixture set: 35 sessions, 8 of them damaged, plus files ORCS ignores. */
test.use({ sessions: resolve(import.meta.dirname, '..', 'fixtures', 'orcs') });

test('lists every session, shows damaged files with their reason, and ignores temp and non-JSON files', async ({
  app,
}) => {
  const list = app.getByRole('navigation', { name: 'Sessions' });
  await expect(list.getByLabel('35 sessions')).toBeVisible();
  // Damaged files sort last, so all eight are on screen at the end of the list.
  await list.locator('.scroller').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(list.locator('.badge.danger')).toHaveCount(8);

  await list.getByRole('button', { name: /^196b5f28-a0e1-4b6b-873f-07dd360245cc damaged/ }).click();
  const alert = app.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This session could not be opened');
  await expect(alert).toContainText('not valid JSON');
});

test('shows unicode titles and turns as written: CJK, emoji and right-to-left', async ({ app }) => {
  for (const id of [
    '31cdd063-1cb3-4186-9a4a-b0e17481e93d',
    '5b32fdc4-d344-4f35-8433-dbe55554f5f2',
    '71e8a60c-160c-4239-809d-941e6397e8ef',
  ]) {
    const file = JSON.parse(
      await import('node:fs/promises').then((fs) =>
        fs.readFile(join(import.meta.dirname, '..', 'fixtures', 'orcs', `${id}.json`), 'utf8'),
      ),
    );
    const name: string = file.project_context.name;
    await (await findSessionRow(app, new RegExp(`^${escape(name)}`))).click();
    const session = app.getByRole('main', { name: 'Session' });
    await expect(session.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(session.getByRole('article').first()).toContainText(
      file.history.turns[0].content.slice(0, 12),
    );
  }
});

test('pages through 1,200 turns and places compacted spans in the timeline', async ({ app }) => {
  await (await findSessionRow(app, /1200 turns/)).click();
  const conversation = app.getByRole('main', { name: 'Session' }).getByLabel('Conversation');
  await expect(conversation.getByLabel('Compacted turns').first()).toBeVisible();
  await expect(conversation.getByRole('article').first()).toBeVisible();
  // Scrolling to the end loads the later pages; the last turn is reached without loading all at once.
  const scroller = conversation.locator('[data-virtuoso-scroller]');
  await expect(async () => {
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(conversation.getByRole('article', { name: 'Turn 1200, assistant' })).toBeVisible({
      timeout: 500,
    });
  }).toPass();
});

test('shows a several-MB turn as plain text, head first, with Show all', async ({ app }) => {
  await (await findSessionRow(app, /^monorepo: why is the release build slow/)).click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('button', { name: /^Show all \(3\.\d MB\)$/ })).toBeVisible();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
