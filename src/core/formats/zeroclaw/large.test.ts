/**
 * A 1 GB session (several GB are real: performance.md §1), generated in a temp folder and deleted
 * after. Listing counts it and paging shows its last messages without the file ever being one
 * string: 1 GB is more characters than V8 allows in a string, and the heap stays far below the
 * file's size. This is the slowest test of the format (a few seconds: one full scan of 1 GB).
 */
import { constants } from 'node:buffer';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZeroclawFormatStore } from './index';
import { line, withTempDir } from './testkit';

const TARGET_BYTES = 1024 * 1024 * 1024;
const LINES_PER_BLOCK = 4096;
const TAIL_LINES = 50;
/** Seconds on a quiet machine; more when the whole suite shares the disk and the CPUs. */
const SLOW_TEST_MS = 120_000;

/** Writes ~1 GB of ~1 KB messages by repeating one 4 MB block, then 50 distinct last lines. */
async function generate(path: string): Promise<{ size: number; messages: number }> {
  const filler = 'lorem ipsum dolor sit amet, consectetur adipiscing elit; '.repeat(17);
  const block = Buffer.from(
    Array.from({ length: LINES_PER_BLOCK }, (_, i) =>
      line(i % 2 ? 'assistant' : 'user', `${i} ${filler}`),
    ).join(''),
  );
  const blocks = Math.ceil(TARGET_BYTES / block.length);
  const tail = Buffer.from(
    Array.from({ length: TAIL_LINES }, (_, i) => line('assistant', `last-${i}`)).join(''),
  );
  const handle = await open(path, 'w');
  try {
    for (let i = 0; i < blocks; i++) await handle.write(block);
    await handle.write(tail);
  } finally {
    await handle.close();
  }
  return { size: blocks * block.length + tail.length, messages: blocks * LINES_PER_BLOCK + TAIL_LINES };
}

describe('a 1 GB session', () => {
  it(
    'lists, counts and pages to its end without reading the file whole (slow: scans 1 GB once)',
    async () => {
      await withTempDir(async (dir) => {
        const path = join(dir, 'big_session.jsonl');
        let mark = performance.now();
        const { size, messages } = await generate(path);
        const generated = performance.now() - mark;
        expect(size).toBeGreaterThan(constants.MAX_STRING_LENGTH);

        const before = process.memoryUsage();
        const store = new ZeroclawFormatStore({ id: 'root', path: dir });
        mark = performance.now();
        const [summary] = await store.list();
        const listed = performance.now() - mark;
        expect(summary).toMatchObject({
          turnCount: messages,
          sizeBytes: size,
          health: { unreadableLines: 0 },
        });

        mark = performance.now();
        const page = await store.turns('big_session', messages - TAIL_LINES, TAIL_LINES);
        const paged = performance.now() - mark;
        expect(page.total).toBe(messages);
        expect(page.turns.map((t) => t.text)).toEqual(
          Array.from({ length: TAIL_LINES }, (_, i) => `last-${i}`),
        );

        // An append extends the index from where it stopped instead of rescanning the gigabyte.
        await store.append('big_session', { role: 'user', content: 'one more' });
        mark = performance.now();
        const grown = await store.turns('big_session', messages, 1);
        const extended = performance.now() - mark;
        expect(grown.turns.map((t) => t.text)).toEqual(['one more']);
        expect(extended).toBeLessThan(listed / 10);

        const after = process.memoryUsage();
        const heapGrowth = after.heapUsed - before.heapUsed;
        const bufferGrowth = after.arrayBuffers - before.arrayBuffers;
        expect(heapGrowth).toBeLessThan(size / 10);
        expect(bufferGrowth).toBeLessThan(size / 10);
        console.info(
          `1 GB session: ${(size / 2 ** 20).toFixed(0)} MiB, ${messages} messages; generated in ${generated.toFixed(0)} ms, ` +
            `listed in ${listed.toFixed(0)} ms, last page in ${paged.toFixed(1)} ms, page after an append in ${extended.toFixed(1)} ms; ` +
            `heap +${(heapGrowth / 2 ** 20).toFixed(1)} MiB, buffers +${(bufferGrowth / 2 ** 20).toFixed(1)} MiB`,
        );
      });
    },
    SLOW_TEST_MS,
  );
});
