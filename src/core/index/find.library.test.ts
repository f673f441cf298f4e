/** Find within a session through the contract: from the index, from the file, and both at once. */
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls } from '../../shared/api';
import type { SessionRef } from '../../shared/model';
import { line } from '../formats/zeroclaw/testkit';
import { createLibrary } from '../library';
import type { Library } from '../library';
import { tempDir, writeZeroclaw } from './testkit';

let dir: string;
let sessions: string;
let library: Library;

beforeEach(async () => {
  dir = await tempDir();
  sessions = join(dir, 'zeroclaw');
  await mkdir(sessions);
  await writeZeroclaw(sessions, 'long', [
    ['user', 'where is the lighthouse'],
    ['assistant', 'north of the harbour'],
    ['user', 'and the Lighthouse keeper?'],
    ['assistant', 'asleep'],
  ]);
  library = createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: [sessions],
    resourcesDir: join(dir, 'resources'),
    host: 'browser',
    version: 'test',
  });
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

async function refOf(id: string): Promise<SessionRef> {
  const all = await library.handlers['sessions.list']({});
  const found = all.find((item) => item.ref.id === id);
  if (!found) throw new Error(`no session ${id}`);
  return found.ref;
}

/** Waits for the index's first run, started by the first page of the list. */
async function indexed(): Promise<void> {
  for (;;) {
    const page = await library.handlers['sessions.page']({ offset: 0, limit: 100 });
    const status = await library.handlers['index.status']({});
    if (status.phase === 'idle' && page.items.every((item) => !item.pending)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** As a host calls it: the input through the contract's schema first. */
async function find(ref: SessionRef, query: string, limit?: number) {
  const input = calls['session.find'].input.parse({ ref, query, ...(limit ? { limit } : {}) });
  return library.handlers['session.find'](input);
}

describe('session.find', () => {
  it('reads a session the index has not read yet', async () => {
    const ref = await refOf('long');
    expect(await find(ref, 'lighthouse')).toEqual({ turns: [0, 2], total: 2, highlights: ['lighthouse'] });
  });

  it('answers from the index, and reads the turns an agent appended since from the file', async () => {
    await indexed();
    const ref = await refOf('long');
    expect(await find(ref, 'lighthouse')).toEqual({ turns: [0, 2], total: 2, highlights: ['lighthouse'] });
    // Written by the agent, not the app: nothing tells the index (this library does not watch).
    await appendFile(join(sessions, 'long.jsonl'), line('user', 'one more lighthouse'));
    expect(await find(ref, 'lighthouse')).toEqual({ turns: [0, 2, 4], total: 3, highlights: ['lighthouse'] });
    expect(await find(ref, 'lighthouse', 1)).toEqual({ turns: [0], total: 3, highlights: ['lighthouse'] });
  });

  it('takes any text as a query and never fails on it', async () => {
    await indexed();
    const ref = await refOf('long');
    for (const query of [
      '"',
      'NEAR(',
      'col:lighthouse',
      "') OR 1=1 --",
      '\u0000',
      '*',
      'x'.repeat(100_000),
    ]) {
      const found = await find(ref, query);
      expect(
        found.turns.every((turn) => turn === 0 || turn === 2),
        query,
      ).toBe(true);
    }
    expect((await find(ref, 'lighthouse)')).turns).toEqual([0, 2]);
    expect((await find(ref, 'col:lighthouse')).turns).toEqual([]);
  });

  it('refuses what is not a session ref or too long a query at the boundary', () => {
    const input = calls['session.find'].input;
    expect(input.safeParse({ ref: { root: 'abc', id: '../etc' }, query: 'x' }).success).toBe(false);
    expect(input.safeParse({ ref: { root: 'abc', id: 'long' }, query: 'x'.repeat(100_001) }).success).toBe(
      false,
    );
    expect(input.safeParse({ ref: { root: 'abc', id: 'long' }, query: 'x', limit: 0 }).success).toBe(false);
  });

  it('answers not_found for a session that is not there', async () => {
    const ref = await refOf('long');
    await writeFile(join(sessions, 'other.jsonl'), line('user', 'hi'));
    await expect(find({ ...ref, id: 'missing' }, 'x')).rejects.toMatchObject({ code: 'not_found' });
  });
});
