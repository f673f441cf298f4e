import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { IndexStatus } from '../../shared/search';
import { openIndex } from './client';
import type { IndexClient } from './client';
import { tempDir, threeRoots } from './testkit';

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
