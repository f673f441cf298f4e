/**
 * LineIndexCache backed by a store: the real `line_indexes` table of a real index database, over
 * real files. A new cache with the same store stands for the next launch.
 */
import { appendFile, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexDb } from '../index/db';
import { LineIndexCache, MIN_STORED_BYTES } from './index-cache';
import type { LineIndexStore } from './index-cache';
import { LineIndex, factsOf } from './line-index';
import type { Classify, FileFacts } from './line-index';

let dir: string;
let db: IndexDb;
let store: LineIndexStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-stored-index-'));
  db = IndexDb.open(join(dir, 'index.sqlite'));
  store = {
    load: async (path, facts) => db.lines.get(path, facts),
    save: async (path, facts, bytes) => db.lines.put(path, facts, bytes),
  };
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** A cache over a classify that records each line number it is asked about: a scan asks about every line. */
function counting(): { cache: LineIndexCache; seen: number[] } {
  const seen: number[] = [];
  const classify: Classify = (line) => {
    seen.push(line.number);
    const text = line.bytes?.toString() ?? '';
    if (text.trim() === '') return 'blank';
    return text.startsWith('r') ? 'record' : { unreadable: 'not a record' };
  };
  const cache = new LineIndexCache(classify);
  cache.useStore(store);
  return { cache, seen };
}

/** Lines `from`..`from + count - 1`, every tenth unreadable, 59 bytes each. */
function lines(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return `${n % 10 === 9 ? 'x' : 'r'}${String(n).padStart(8, '0')} ${'.'.repeat(48)}\n`;
  }).join('');
}
const BIG = Math.ceil(MIN_STORED_BYTES / lines(0, 1).length) + 100;

async function read(cache: LineIndexCache, path: string): Promise<{ index: LineIndex; facts: FileFacts }> {
  const handle = await open(path, 'r');
  try {
    const facts = factsOf(await handle.stat());
    return { index: await cache.index(path, handle, facts), facts };
  } finally {
    await handle.close();
  }
}

/** The index a scan from scratch makes, serialized: what every stored or extended one must equal. */
async function scanned(path: string): Promise<Uint8Array> {
  const { cache } = counting();
  cache.useStore({ load: async () => null, save: async () => undefined });
  return (await read(cache, path)).index.serialize();
}

async function factsAt(path: string): Promise<FileFacts> {
  const handle = await open(path, 'r');
  try {
    return factsOf(await handle.stat());
  } finally {
    await handle.close();
  }
}

/** The file state the stored row was made for, if the table holds one for the file as it is now. */
async function storedFacts(path: string): Promise<FileFacts | null> {
  const bytes = db.lines.get(path, await factsAt(path));
  return bytes && LineIndex.deserialize(bytes).facts;
}

describe('LineIndexCache with a store', () => {
  it('stores a large file’s index, and a new cache loads it without scanning the file', async () => {
    const path = join(dir, 'big.jsonl');
    await writeFile(path, lines(0, BIG));
    const first = counting();
    const { index, facts } = await read(first.cache, path);
    expect(first.seen).toHaveLength(BIG);
    await first.cache.saved();
    expect(db.lines.get(path, facts)).toEqual(index.serialize());

    const second = counting();
    const loaded = await read(second.cache, path);
    expect(second.seen).toEqual([]);
    expect(loaded.index.serialize()).toEqual(index.serialize());
    expect(loaded.index.recordOffset(index.recordCount - 1)).toBe(index.recordOffset(index.recordCount - 1));
    expect(loaded.index.unreadableCount).toBe(Math.floor(BIG / 10));
  });

  it('extends a stored index after an append, reading only the new lines, and stores it again once far behind', async () => {
    const path = join(dir, 'growing.jsonl');
    await writeFile(path, lines(0, BIG));
    const first = counting();
    const { facts: before } = await read(first.cache, path);
    await first.cache.saved();

    await appendFile(path, lines(BIG, 100));
    const second = counting();
    const small = await read(second.cache, path);
    expect(second.seen).toEqual(Array.from({ length: 100 }, (_, i) => BIG + i + 1));
    expect(small.index.serialize()).toEqual(await scanned(path));
    await second.cache.saved();
    // 6 KB more is cheaper to scan again than to store again.
    expect(await storedFacts(path)).toEqual(before);

    await appendFile(path, lines(BIG + 100, BIG));
    second.seen.length = 0;
    const grown = await read(second.cache, path);
    expect(second.seen).toHaveLength(BIG);
    await second.cache.saved();
    expect(await storedFacts(path)).toEqual(grown.facts);

    const third = counting();
    expect((await read(third.cache, path)).index.serialize()).toEqual(await scanned(path));
    expect(third.seen).toEqual([]);
  });

  it('rebuilds a replaced file, or one rewritten in place, and replaces the stale row', async () => {
    const path = join(dir, 'rewritten.jsonl');
    await writeFile(path, lines(0, BIG));
    const first = counting();
    await read(first.cache, path);
    await first.cache.saved();

    await writeFile(join(dir, 'replacement'), lines(1, BIG + 5));
    await rename(join(dir, 'replacement'), path);
    const second = counting();
    const replaced = await read(second.cache, path);
    expect(second.seen).toHaveLength(BIG + 5);
    expect(replaced.index.serialize()).toEqual(await scanned(path));
    await second.cache.saved();
    expect(await storedFacts(path)).toEqual(replaced.facts);

    // Same inode, grown, but its first bytes differ: no append, so no extension.
    await writeFile(path, lines(7, BIG + 9));
    const third = counting();
    const rewritten = await read(third.cache, path);
    expect(third.seen).toHaveLength(BIG + 9);
    expect(rewritten.index.serialize()).toEqual(await scanned(path));
    await third.cache.saved();
    expect(await storedFacts(path)).toEqual(rewritten.facts);
  });

  it('ignores a damaged row, reads the file, and replaces the row', async () => {
    const path = join(dir, 'damaged.jsonl');
    await writeFile(path, lines(0, BIG));
    const facts = await factsAt(path);
    db.lines.put(path, facts, Uint8Array.from([83, 76, 73, 88, 1, 0, 0, 0, 9, 9, 9]));

    const { cache, seen } = counting();
    const { index } = await read(cache, path);
    expect(seen).toHaveLength(BIG);
    await cache.saved();
    expect(db.lines.get(path, facts)).toEqual(index.serialize());
  });

  it('neither loads nor stores files small enough to scan', async () => {
    const path = join(dir, 'small.jsonl');
    await writeFile(path, lines(0, 100));
    const { cache } = counting();
    const { facts } = await read(cache, path);
    db.lines.put(path, facts, Uint8Array.from([1, 2, 3]));
    cache.forget(path);
    const { index } = await read(cache, path);
    expect(index.recordCount).toBe(90);
    await cache.saved();
    expect(db.lines.get(path, facts)).toEqual(Uint8Array.from([1, 2, 3]));
  });

  it('reads the file when the store fails, and stops using a store once released', async () => {
    const path = join(dir, 'unstored.jsonl');
    await writeFile(path, lines(0, BIG));
    db.close();
    const { cache, seen } = counting();
    const { index } = await read(cache, path);
    expect(seen).toHaveLength(BIG);
    expect(index.recordCount).toBe(BIG - Math.floor(BIG / 10));
    await cache.saved();

    db = IndexDb.open(join(dir, 'index.sqlite'));
    const released = new LineIndexCache(() => 'record');
    released.useStore(store)();
    await read(released, path);
    await released.saved();
    expect(await storedFacts(path)).toBeNull();
  });
});
