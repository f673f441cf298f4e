import { mkdir, open, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { IndexStatus } from '../../shared/search';
import { classifyLine } from '../formats/zeroclaw/line';
import { MIN_STORED_BYTES } from '../jsonl/index-cache';
import { LineIndex, factsOf } from '../jsonl';
import { openIndex } from './client';
import type { IndexClient } from './client';
import { rootOf, tempDir, threeRoots, writeZeroclaw } from './testkit';

let dir: string;
let client: IndexClient | null = null;

beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await client?.close();
  client = null;
  await rm(dir, { recursive: true, force: true });
});

// The worker runs this TypeScript through tsx here; the built app starts its bundled copy.
const worker = { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };

it(
  'runs the index in a worker thread: lists, indexes, reports progress and searches',
  { timeout: 60_000 },
  async () => {
    const statuses: IndexStatus[] = [];
    const changed: string[][] = [];
    const dbPath = join(dir, 'index', 'sessions.sqlite');
    client = openIndex(
      { dbPath },
      { onProgress: (s) => statuses.push(s), onChanged: (r) => changed.push(r) },
      worker,
    );
    const roots = await threeRoots(dir);
    await client.setRoots(roots);
    expect((await client.page({ offset: 0, limit: 50 })).total).toBe(5);
    await client.sync();
    expect(statuses.some((s) => s.phase === 'indexing')).toBe(true);
    expect(statuses.at(-1)?.phase).toBe('idle');
    expect(changed.flat()).toContain('zcroot');
    const found = await client.search({ query: 'signing keys', filters: {}, limit: 10 });
    expect(found.groups.map((g) => g.session.ref.id)).toEqual(['alpha']);
    expect((await client.status()).phase).toBe('idle');

    // A second launch answers from what the first one left.
    await client.close();
    client = openIndex({ dbPath }, { onProgress: () => undefined, onChanged: () => undefined }, worker);
    await client.setRoots(roots);
    const warm = await client.page({ offset: 0, limit: 50 });
    expect(warm.items.filter((item) => !item.pending)).toHaveLength(5);
  },
);

it('a root whose directory is missing holds nothing and is not an error', { timeout: 60_000 }, async () => {
  client = openIndex(
    { dbPath: join(dir, 'x.sqlite') },
    { onProgress: () => undefined, onChanged: () => undefined },
    worker,
  );
  await client.setRoots([{ id: 'gone', path: join(dir, 'missing'), format: 'orcs' }]);
  await client.sync();
  expect((await client.status()).lastError).toBeNull();
  expect((await client.page({ offset: 0, limit: 5 })).total).toBe(0);
});

it(
  'stores line indexes sent to the worker and answers them for the same file only',
  { timeout: 60_000 },
  async () => {
    client = openIndex(
      { dbPath: join(dir, 'lines.sqlite') },
      { onProgress: () => undefined, onChanged: () => undefined },
      worker,
    );
    const facts = { dev: 1, ino: 42, size: 3_000_000, mtimeMs: 1_700_000_000_000.25 };
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);
    await client.putLineIndex('/s/a.jsonl', facts, Uint8Array.from(bytes));
    expect(await client.lineIndex('/s/a.jsonl', facts)).toEqual(bytes);
    expect(await client.lineIndex('/s/a.jsonl', { ...facts, size: facts.size + 10 })).toEqual(bytes);
    expect(await client.lineIndex('/s/a.jsonl', { ...facts, ino: 43 })).toBeNull();
    expect(await client.lineIndex('/s/a.jsonl', facts)).toBeNull();
  },
);

it(
  'the worker stores the line index of a large ZeroClaw session it indexes, and drops it once the file is gone',
  { timeout: 60_000 },
  async () => {
    const zeroclaw = join(dir, 'zeroclaw');
    await mkdir(zeroclaw);
    const message = 'the harbour lights need new lenses '.repeat(30);
    const count = Math.ceil(MIN_STORED_BYTES / message.length) + 10;
    const path = await writeZeroclaw(
      zeroclaw,
      'large',
      Array.from({ length: count }, (_, i): [string, string] => [i % 2 ? 'assistant' : 'user', message]),
    );
    const handle = await open(path, 'r');
    const facts = factsOf(await handle.stat());
    const scanned = await LineIndex.build(handle, facts, classifyLine);
    await handle.close();

    client = openIndex(
      { dbPath: join(dir, 'zc.sqlite') },
      { onProgress: () => undefined, onChanged: () => undefined },
      worker,
    );
    await client.setRoots([rootOf('zc', zeroclaw, 'zeroclaw')]);
    await client.sync();
    const stored = await client.lineIndex(path, facts);
    expect(stored).not.toBeNull();
    expect(LineIndex.deserialize(stored ?? new Uint8Array()).serialize()).toEqual(scanned.serialize());

    await unlink(path);
    await client.sync();
    expect(await client.lineIndex(path, facts)).toBeNull();
  },
);
