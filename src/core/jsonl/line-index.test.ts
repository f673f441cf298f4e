import { appendFile, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineIndexCache } from './index-cache';
import { factsOf } from './line-index';
import type { Classify } from './line-index';
import { indexOf } from './testkit';
import type { RawLine } from './lines';

/** A toy format: `r…` lines are records, blank lines are blank, anything else is unreadable. */
function counting(): { classify: Classify; seen: number[] } {
  const seen: number[] = [];
  const classify: Classify = (line: RawLine) => {
    seen.push(line.number);
    const text = line.bytes?.toString() ?? '';
    if (text.trim() === '') return 'blank';
    return text.startsWith('r') ? 'record' : { unreadable: `bad: ${text}` };
  };
  return { classify, seen };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-index-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LineIndex', () => {
  it('indexes records by offset and keeps every skipped line with its number and reason', async () => {
    const path = join(dir, 'basic');
    await writeFile(path, 'r1\n\nxx\nr2\r\n  \nr3');
    const index = await indexOf(path, counting().classify);
    expect(index.recordCount).toBe(3);
    expect(
      [0, 1, 2].map((i) => [index.recordOffset(i), index.recordLength(i), index.recordTerminated(i)]),
    ).toEqual([
      [0, 2, true],
      [7, 3, true],
      [14, 2, false],
    ]);
    expect(index.skipped).toEqual([
      { number: 2, offset: 3, length: 0, terminated: true, reason: null },
      { number: 3, offset: 4, length: 2, terminated: true, reason: 'bad: xx' },
      { number: 5, offset: 11, length: 2, terminated: true, reason: null },
    ]);
    expect(index.unreadableCount).toBe(1);
    expect(index.lineCount).toBe(6);
    expect(index.completeEnd).toBe(14);
    expect(index.endsComplete).toBe(false);
    expect(index.recordsBefore(7)).toBe(1);
    expect(index.recordsBefore(8)).toBe(2);
    expect(() => index.recordOffset(3)).toThrow(RangeError);
  });

  it('grows past its first arrays', async () => {
    const path = join(dir, 'many');
    await writeFile(path, Array.from({ length: 1000 }, (_, i) => `r${i}\n`).join(''));
    const index = await indexOf(path, counting().classify);
    expect(index.recordCount).toBe(1000);
    expect(index.recordOffset(999)).toBe(
      Array.from({ length: 999 }, (_, i) => `r${i}\n`.length).reduce((a, b) => a + b, 0),
    );
  });

  it('extends itself from the last complete line when the file grew, re-reading only the unterminated tail', async () => {
    const path = join(dir, 'grow');
    await writeFile(path, 'r1\nxx\nr2');
    const { classify, seen } = counting();
    const index = await indexOf(path, classify);
    expect([index.recordCount, index.unreadableCount, index.endsComplete]).toEqual([2, 1, false]);
    await appendFile(path, '2\nbad\nr3\n');
    seen.length = 0;
    const grown = await indexOf(path, classify, index);
    expect(grown).toBe(index);
    expect(seen).toEqual([3, 4, 5]);
    expect(grown.recordCount).toBe(3);
    expect(grown.recordLength(1)).toBe(3);
    expect(grown.skipped.map((line) => line.number)).toEqual([2, 4]);
    expect(grown.unreadableCount).toBe(2);
    expect(grown.endsComplete).toBe(true);
  });

  it('rebuilds when the same inode was rewritten in place, or the file replaced', async () => {
    const path = join(dir, 'rewritten');
    await writeFile(path, 'r1\nr2\n');
    const { classify, seen } = counting();
    const index = await indexOf(path, classify);
    await writeFile(path, 'xx\nr2\nr3\n'); // truncate + write, as ZeroClaw v0.6.5's rewrite does
    seen.length = 0;
    const rebuilt = await indexOf(path, classify, index);
    expect(seen).toEqual([1, 2, 3]);
    expect([rebuilt.recordCount, rebuilt.unreadableCount]).toEqual([2, 1]);

    await writeFile(join(dir, 'replacement'), 'r9\n');
    await rename(join(dir, 'replacement'), path);
    const replaced = await indexOf(path, classify, rebuilt);
    expect(replaced).not.toBe(rebuilt);
    expect(replaced.recordCount).toBe(1);
  });
});

describe('LineIndexCache', () => {
  it('reuses an index while the file is unchanged and extends it when the file grows', async () => {
    const path = join(dir, 'cached');
    await writeFile(path, 'r1\n');
    const { classify, seen } = counting();
    const cache = new LineIndexCache(classify);
    const read = async () => {
      const handle = await open(path, 'r');
      try {
        return await cache.index(path, handle, factsOf(await handle.stat()));
      } finally {
        await handle.close();
      }
    };
    const first = await read();
    expect(await read()).toBe(first);
    expect(seen).toEqual([1]);
    await appendFile(path, 'r2\n');
    const [a, b] = await Promise.all([read(), read()]);
    expect(a).toBe(b);
    expect(a.recordCount).toBe(2);
    expect(seen).toEqual([1, 2]);
    cache.forget(path);
    await read();
    expect(seen).toEqual([1, 2, 1, 2]);
  });

  it('evicts the least recently used indexes beyond its budget, never the one just made', async () => {
    const { classify, seen } = counting();
    const cache = new LineIndexCache(classify, { budgetBytes: 1 });
    const paths = ['e1', 'e2'].map((name) => join(dir, name));
    for (const path of paths) await writeFile(path, 'r\n');
    const read = async (path: string) => {
      const handle = await open(path, 'r');
      try {
        return await cache.index(path, handle, factsOf(await handle.stat()));
      } finally {
        await handle.close();
      }
    };
    await read(paths[0] ?? '');
    await read(paths[1] ?? '');
    await read(paths[1] ?? '');
    expect(seen).toEqual([1, 1]);
    await read(paths[0] ?? '');
    expect(seen).toEqual([1, 1, 1]);
  });
});
