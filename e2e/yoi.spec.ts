import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { LogEntry } from '../src/core/formats/yoi/entries';
import { hashedLine } from '../src/core/formats/yoi/hash';
import { expect, test as base } from './fixtures';
import { shoot } from './shoot';

/**
 * yoi hash-chained logs (formats.md §3), copied from fixtures/yoi (see its README):
 * - …01: the §3.5 test vector, with a trace beside it; its chain verifies.
 * - …02: a long session with usage, extensions, config changes and runs.
 * - …03: a fork of …01 at its second entry.
 * - …06: the vector with one byte changed: bad hash on line 4.
 * - …20, made here: a log over the 8 MiB the list verifies by itself, so it starts unchecked.
 * - …21, made here: twelve LLM requests, for the usage chart.
 */
const test = base.extend({
  sandbox: async ({ sandbox }, use) => {
    await writeFile(join(sandbox.sessionsDir, `${id('20')}.jsonl`), bigLog());
    await writeFile(join(sandbox.sessionsDir, `${id('21')}.jsonl`), usageLog());
    await use(sandbox);
  },
});

test.use({ sessions: resolve(import.meta.dirname, 'fixtures', 'yoi-e2e') });

const id = (n: string) => `0196a1b2-0000-7000-8000-0000000000${n}`;

const start = Date.UTC(2026, 3, 28, 9, 0, 0);
const config = {
  max_tokens: 1024,
  temperature: null,
  top_p: null,
  top_k: null,
  stop_sequences: [],
  reasoning: null,
};

function say(role: 'user' | 'assistant', text: string) {
  return { type: 'message' as const, role, content: [{ type: 'text' as const, text }] };
}

/** The lines the crate writes for `entries`, each hashed over the one before. */
function chained(entries: LogEntry[]): string {
  let prev: string | null = null;
  let out = '';
  for (const entry of entries) {
    const { hash, line } = hashedLine(prev, entry);
    out += `${line}\n`;
    prev = hash;
  }
  return out;
}

/** A well-chained log of nine 1 MiB user messages. */
function bigLog(): string {
  const entries: LogEntry[] = [
    { kind: 'session_start', ts: start, system_prompt: 'You are helpful.', config, history: [] },
  ];
  for (let i = 0; i < 9; i++) {
    const text = `Message ${i + 1}: ${'x'.repeat(1024 * 1024)}`;
    entries.push({ kind: 'user_input', ts: start + i, item: say('user', text) });
  }
  return chained(entries);
}

/** Twelve turns, one LLM request each, the context growing and mostly read from the cache. */
function usageLog(): string {
  const entries: LogEntry[] = [
    {
      kind: 'session_start',
      ts: start,
      system_prompt: 'You are a **careful** reviewer.',
      config,
      history: [],
    },
  ];
  let context = 900;
  for (let i = 1; i <= 12; i++) {
    const ts = start + i * 60_000;
    entries.push({ kind: 'user_input', ts, item: say('user', `Review part ${i} of the patch.`) });
    const output = 120 + ((i * 73) % 260);
    const written = i % 4 === 1 ? 600 : 40 + i * 5;
    entries.push({
      kind: 'llm_usage',
      ts: ts + 1000,
      history_len: i * 2,
      input_total_tokens: context + 180,
      cache_read_tokens: i === 1 ? 0 : context - written,
      cache_write_tokens: written,
      output_tokens: output,
    });
    entries.push({
      kind: 'assistant_items',
      ts: ts + 2000,
      items: [say('assistant', `Part ${i} looks fine.`)],
    });
    entries.push({ kind: 'turn_end', ts: ts + 2000, turn_count: i });
    context += 180 + output;
  }
  entries.push({ kind: 'run_completed', ts: start + 13 * 60_000, interrupted: false, result: 'finished' });
  return chained(entries);
}

function sessionList(app: Page): Locator {
  return app.getByRole('navigation', { name: 'Sessions' });
}

function row(app: Page, n: string): Locator {
  return sessionList(app).getByRole('button', { name: new RegExp(`^${id(n)}`) });
}

async function openSession(app: Page, n: string): Promise<Locator> {
  await row(app, n).click();
  const session = app.getByRole('main', { name: 'Session' });
  await expect(session.getByRole('heading', { name: id(n), exact: true })).toBeVisible();
  return session;
}

test('a chain is not yet checked until verified, then the list and header say so', async ({ app }) => {
  await expect(row(app, '01')).toContainText('verified');
  await expect(row(app, '20')).toContainText('not yet checked');
  const session = await openSession(app, '20');
  const meta = session.locator('.session-meta');
  await expect(meta).toContainText('not yet checked');

  await session.getByRole('button', { name: 'Verify chain' }).click();
  const result = session.getByRole('status', { name: 'Chain verification' });
  await expect(result).toContainText(/Chain verified: \d+ lines, head [0-9a-f]{12}/);
  await expect(meta).toContainText('verified');
  await expect(meta).not.toContainText('not yet checked');
  await expect(row(app, '20')).toContainText('verified');
  await expect(row(app, '20')).not.toContainText('not yet checked');
  await shoot(app, 'yoi', 'verified');
});

test('a tampered log is broken at the line the hash stops matching', async ({ app }) => {
  const session = await openSession(app, '06');
  await session.getByRole('button', { name: 'Verify chain' }).click();
  const result = session.getByRole('alert', { name: 'Chain verification' });
  await expect(result).toContainText('Chain broken at line 4');
  await expect(session.locator('.session-meta')).toContainText('broken at line 4');
  await expect(row(app, '06')).toContainText('broken at line 4');
  await shoot(app, 'yoi', 'broken');
});

test('a chain tampered on disk after a check shows broken once verified again', async ({ app, sandbox }) => {
  const session = await openSession(app, '01');
  await session.getByRole('button', { name: 'Verify chain' }).click();
  await expect(session.locator('.session-meta')).toContainText('verified');

  const path = join(sandbox.sessionsDir, `${id('01')}.jsonl`);
  const text = await readFile(path, 'utf8');
  expect(text).toContain('Sunny');
  await writeFile(path, text.replace('Sunny', 'Rainy'));
  await session.getByRole('button', { name: 'Verify chain' }).click();
  await expect(session.getByRole('alert', { name: 'Chain verification' })).toContainText(
    /Chain broken at line \d+/,
  );
  await expect(row(app, '01')).toContainText(/broken at line \d+/);
});

test('fork from here makes a new session whose lineage shows the fork', async ({ app, sandbox }) => {
  await expect(sessionList(app).locator('.row-main')).toHaveCount(6);
  const session = await openSession(app, '01');
  const forks = session.getByRole('button', { name: 'Fork from here' });
  await expect(forks.first()).toBeVisible();
  await forks.nth(1).click();

  // The assistant turn starts at line 3 and shows its tool's result from line 4: the fork keeps both.
  const dialog = app.getByRole('dialog', { name: 'Fork from here?' });
  await expect(dialog).toContainText('up to line 4');
  await shoot(app, 'yoi', 'fork-dialog');
  await dialog.getByRole('button', { name: 'Fork', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(sessionList(app).locator('.row-main')).toHaveCount(7);
  const files = (await readdir(sandbox.sessionsDir)).filter((name) => /^[0-9a-f-]{36}\.jsonl$/.test(name));
  expect(files).toHaveLength(7);

  const toast = app.getByRole('status').filter({ hasText: /Forked “.+” at line \d+/ });
  await toast.getByRole('button', { name: /^Open / }).click();
  await expect(session.getByRole('heading', { name: id('01') })).toBeHidden();

  await session.getByRole('tab', { name: 'Lineage' }).click();
  const tree = session.getByRole('list', { name: 'Lineage tree' });
  await expect(tree).toContainText(/fork at line \d+/);
  await expect(tree.getByRole('button', { name: id('01') })).toBeVisible();
  await expect(tree.locator('[aria-current="true"]')).toBeDisabled();
  await shoot(app, 'yoi', 'lineage');

  // The node of the session it came from opens that session.
  await tree.getByRole('button', { name: id('01') }).click();
  await expect(session.getByRole('heading', { name: id('01'), exact: true })).toBeVisible();
  // …scrolled to the turn it branched at, marked as the place.
  const branched = session.locator('article[aria-current="location"]');
  await expect(branched).toBeVisible();
  await expect(branched).toHaveAttribute('aria-label', 'Turn 2, assistant');
  await shoot(app, 'yoi', 'branch-point');
});

test('a turn end, a notice row, forks from its own entry', async ({ app, sandbox }) => {
  const session = await openSession(app, '01');
  const notice = session.getByRole('note').filter({ hasText: 'Turn 1 ended' });
  await notice.getByRole('button', { name: 'Fork from here' }).click();
  const dialog = app.getByRole('dialog', { name: 'Fork from here?' });
  await expect(dialog).toContainText('up to line 7');
  await dialog.getByRole('button', { name: 'Fork', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(sessionList(app).locator('.row-main')).toHaveCount(7);

  const made = (await readdir(sandbox.sessionsDir)).filter(
    (name) => name.endsWith('.jsonl') && !name.endsWith('.trace.jsonl') && !name.startsWith('0196a1b2-0000-'),
  );
  expect(made).toHaveLength(1);
  const start = JSON.parse(
    (await readFile(join(sandbox.sessionsDir, made[0] ?? ''), 'utf8')).split('\n')[0] ?? '',
  );
  const source = (await readFile(join(sandbox.sessionsDir, `${id('01')}.jsonl`), 'utf8')).split('\n');
  expect(start.forked_from).toEqual({ session_id: id('01'), at_hash: JSON.parse(source[6] ?? '').hash });
  // Everything up to the turn end: the question, the call and its result.
  expect(start.history.map((item: { type: string }) => item.type)).toEqual([
    'message',
    'reasoning',
    'tool_call',
    'tool_result',
  ]);
});

test('a yoi session is named in the app data, everywhere its title shows, and its log is untouched', async ({
  app,
  sandbox,
}) => {
  const log = join(sandbox.sessionsDir, `${id('01')}.jsonl`);
  const before = await readFile(log);
  const session = await openSession(app, '01');
  await session.getByRole('button', { name: 'Rename' }).click();
  const field = session.getByRole('textbox', { name: 'New session name' });
  await field.fill('Weather check');
  await field.press('Enter');
  await expect(session.getByRole('heading', { name: 'Weather check', exact: true })).toBeVisible();
  await expect(sessionList(app).getByRole('button', { name: /^Weather check/ })).toBeVisible();
  expect(await readFile(log)).toEqual(before);
  expect(JSON.parse(await readFile(join(sandbox.homeDir, 'names.json'), 'utf8'))).toMatchObject({
    names: [{ format: 'yoi', id: id('01'), title: 'Weather check' }],
  });

  // …03 was forked from …01: its lineage names the origin by the new name.
  await openSession(app, '03');
  await session.getByRole('tab', { name: 'Lineage' }).click();
  const tree = session.getByRole('list', { name: 'Lineage tree' });
  await expect(tree.getByRole('button', { name: 'Weather check' })).toBeVisible();

  await app.reload();
  await expect(sessionList(app).getByRole('button', { name: /^Weather check/ })).toBeVisible();
});

test('deleting a session others were made from asks first, and says what becomes of them', async ({
  app,
  sandbox,
}) => {
  const log = join(sandbox.sessionsDir, `${id('01')}.jsonl`);
  await sessionList(app)
    .getByRole('button', { name: `Delete ${id('01')}` })
    .click();
  const dialog = app.getByRole('dialog', { name: 'Delete a session others were made from?' });
  await expect(dialog).toContainText(`1 session was forked or compacted from “${id('01')}”`);
  await expect(dialog).toContainText('their link back will point at a session in the trash');
  await shoot(app, 'yoi', 'delete-origin');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(readFile(log)).resolves.toBeTruthy();

  await sessionList(app)
    .getByRole('button', { name: `Delete ${id('01')}` })
    .click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: /Moved “.+” to the trash/ })).toBeVisible();
  await expect(row(app, '01')).toHaveCount(0);
  await expect(readFile(log)).rejects.toMatchObject({ code: 'ENOENT' });

  // A fork, which nothing was made from, goes to the trash without a question.
  await sessionList(app)
    .getByRole('button', { name: `Delete ${id('03')}` })
    .click();
  await expect(row(app, '03')).toHaveCount(0);
  await expect(dialog).toBeHidden();
});

test('compact into a new session starts one from a summary', async ({ app }) => {
  const session = await openSession(app, '02');
  await session.getByRole('button', { name: 'Compact into new session…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Compact into a new session' });
  const submit = dialog.getByRole('button', { name: 'Compact into new session' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Summary' }).fill('The user asked about the weather twice.');
  await shoot(app, 'yoi', 'compact-dialog');
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(sessionList(app).locator('.row-main')).toHaveCount(7);
  const toast = app.getByRole('status').filter({ hasText: /Compacted “.+” into/ });
  await toast.getByRole('button', { name: /^Open / }).click();
  await session.getByRole('tab', { name: 'Session' }).click();
  await expect(session.getByRole('tabpanel').getByText('Compacted from')).toBeVisible();
});

test('the inspector shows the session, usage chart, extensions and trace', async ({ app }) => {
  const session = await openSession(app, '02');
  await session.getByRole('tab', { name: 'Session' }).click();
  await expect(session.getByRole('region', { name: 'Session facts' })).toContainText('Head hash');
  await shoot(app, 'yoi', 'session');

  await session.getByRole('tab', { name: /^Extensions/ }).click();
  await expect(session.getByRole('region', { name: 'Extensions' })).toContainText('memory.extract');
  await shoot(app, 'yoi', 'extensions');

  await openSession(app, '21');
  await session.getByRole('tab', { name: /^Usage/ }).click();
  const chart = session.getByRole('img', { name: /Tokens per request, 12 requests/ });
  await expect(chart).toBeVisible();
  expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(12 * 3);
  await expect(session.getByRole('list', { name: 'Usage totals' })).toContainText('Output');
  await shoot(app, 'yoi', 'usage');

  await openSession(app, '01');
  await session.getByRole('tab', { name: /^Trace/ }).click();
  await expect(session.getByRole('table', { name: 'Trace events' })).toBeVisible();
  await expect(session.getByRole('list', { name: 'Events by type' })).toContainText('BlockDelta');
  await shoot(app, 'yoi', 'trace');
});
