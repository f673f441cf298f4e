import { appendFile, mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shoot } from './shoot';

test.use({ sessions: resolve(import.meta.dirname, 'fixtures', 'zeroclaw-e2e') });

const message = (role: string, content: string): string => `${JSON.stringify({ role, content })}\n`;
const row = (app: Page, name: RegExp) =>
  app.getByRole('navigation', { name: 'Sessions' }).getByRole('button', { name });

test('the window follows the files: an append shows in the open session, a new session is listed, a deleted one leaves', async ({
  app,
  sandbox,
}) => {
  await row(app, /^cli_dave/).click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByText('Deploy the staging branch.')).toBeVisible();

  // An agent writes while the person reads: no reload, no click.
  await appendFile(
    join(sandbox.sessionsDir, 'cli_dave.jsonl'),
    message('user', 'Try the deploy again, please.'),
  );
  await expect(session.getByText('Try the deploy again, please.')).toBeVisible();

  await writeFile(
    join(sandbox.sessionsDir, 'webhook_99_zed.jsonl'),
    message('user', 'A session that just began'),
  );
  await expect(row(app, /^webhook_99_zed/)).toBeVisible();

  await unlink(join(sandbox.sessionsDir, 'irc_old_frank.jsonl'));
  await expect(row(app, /^irc_old_frank/)).toHaveCount(0);
  await shoot(app, 'live', 'followed');

  // And the index followed too: search finds the appended line in its session.
  await app.getByRole('searchbox', { name: 'Search sessions' }).fill('"deploy again"');
  const results = app.getByRole('region', { name: 'Search results' });
  await expect(results.locator('.result-group').filter({ hasText: 'cli_dave' })).toBeVisible();
  await shoot(app, 'live', 'searched');

  // The session being read is deleted by the agent: the person keeps what was shown and is told.
  await unlink(join(sandbox.sessionsDir, 'cli_dave.jsonl'));
  await expect(session.getByRole('status')).toContainText('This session was deleted on disk');
  await expect(session.getByText('Try the deploy again, please.')).toBeVisible();
  await expect(session.getByRole('button', { name: 'Delete' })).toBeHidden();
  await expect(results.locator('.result-group')).toHaveCount(0);
  await shoot(app, 'live', 'deleted');
});

test('a person reading further up keeps their place: new turns wait behind a pill; at the bottom the view follows', async ({
  app,
  sandbox,
}) => {
  const path = join(sandbox.sessionsDir, 'matrix_long_yan.jsonl');
  const long = Array.from({ length: 60 }, (_, i) =>
    message(
      i % 2 ? 'assistant' : 'user',
      `Turn ${i + 1}: ${'a fairly long line of conversation '.repeat(4)}`,
    ),
  );
  await writeFile(path, long.join(''));
  await row(app, /^matrix_long_yan/).click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByText(/^Turn 1:/)).toBeVisible();
  const scroller = session.locator('[data-virtuoso-scroller="true"]');
  const before = await scroller.evaluate((element) => element.scrollTop);

  await appendFile(path, message('user', 'Turn 61: written while the person reads turn one'));
  const pill = session.getByRole('button', { name: '1 new turn' });
  await expect(pill).toBeVisible();
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(before);
  await expect(session.getByText(/^Turn 1:/)).toBeVisible();
  await shoot(app, 'live', 'new-turns-pill');

  await pill.click();
  await expect(session.getByText('Turn 61: written while the person reads turn one')).toBeVisible();
  await expect(pill).toBeHidden();

  await appendFile(path, message('assistant', 'Turn 62: followed at the bottom'));
  await expect(session.getByText('Turn 62: followed at the bottom')).toBeInViewport();
  await expect(session.getByRole('button', { name: /new turn/ })).toHaveCount(0);
});

test('a session folder removed and made again is said to be missing, then followed again', async ({
  app,
  sandbox,
}) => {
  const bar = app.getByRole('contentinfo', { name: 'Index status' });
  await rm(sandbox.sessionsDir, { recursive: true });
  await expect(bar.getByRole('status')).toContainText('1 session folder missing');
  await expect(row(app, /^cli_dave/)).toHaveCount(0);
  await shoot(app, 'live', 'folder-missing');

  await mkdir(sandbox.sessionsDir);
  await expect(bar.getByRole('status')).toHaveCount(0);
  await writeFile(join(sandbox.sessionsDir, 'kakao_5_yun.jsonl'), message('user', 'back again'));
  await expect(row(app, /^kakao_5_yun/)).toBeVisible();
});
