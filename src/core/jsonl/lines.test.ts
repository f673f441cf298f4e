import fc from 'fast-check';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRange, scanLines } from './lines';
import type { RawLine, ScanOptions } from './lines';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** Every line of `content` as plain data, scanned with the given options. */
async function scan(content: Buffer | string, options: Partial<ScanOptions> = {}) {
  const path = join(dir, `f${files++}`);
  const bytes = Buffer.from(content);
  await writeFile(path, bytes);
  const handle = await open(path, 'r');
  try {
    const lines: (Omit<RawLine, 'bytes'> & { bytes: string | null })[] = [];
    const result = await scanLines(
      handle,
      (line) => lines.push({ ...line, bytes: line.bytes?.toString('hex') ?? null }),
      {
        end: bytes.length,
        ...options,
      },
    );
    return { lines, result };
  } finally {
    await handle.close();
  }
}

describe('scanLines', () => {
  it('hands over each line with its number, byte offset and length, without "\\n" or a "\\r" before it', async () => {
    const { lines, result } = await scan('ab\r\n\nc\r\ndé\n');
    expect(
      lines.map(({ number, offset, length, terminated }) => [number, offset, length, terminated]),
    ).toEqual([
      [1, 0, 3, true],
      [2, 4, 0, true],
      [3, 5, 2, true],
      [4, 8, 3, true],
    ]);
    expect(lines.map((line) => Buffer.from(line.bytes ?? '', 'hex').toString())).toEqual([
      'ab',
      '',
      'c',
      'dé',
    ]);
    expect(result).toEqual({ completeEnd: 12, lines: 4 });
  });

  it('reports a last line without "\\n" as unterminated, keeps its "\\r", and resumes before it', async () => {
    const { lines, result } = await scan('one\ntwo\r');
    expect(lines[1]).toMatchObject({ number: 2, offset: 4, length: 4, terminated: false });
    expect(Buffer.from(lines[1]?.bytes ?? '', 'hex').toString()).toBe('two\r');
    expect(result).toEqual({ completeEnd: 4, lines: 2 });
  });

  it('scans nothing in an empty file', async () => {
    expect(await scan('')).toEqual({ lines: [], result: { completeEnd: 0, lines: 0 } });
  });

  it('starts at a given offset and line number and stops at `end` even if the file is longer', async () => {
    const { lines, result } = await scan('a\nbb\nccc\ndddd\n', { start: 2, firstLine: 2, end: 9 });
    expect(lines.map((l) => [l.number, l.offset, l.length])).toEqual([
      [2, 2, 2],
      [3, 5, 3],
    ]);
    expect(result.completeEnd).toBe(9);
  });

  it('skips over a line longer than maxLineBytes without holding it, and reads the next one', async () => {
    const long = 'x'.repeat(100);
    const { lines } = await scan(`${long}\nok\n${long}`, { maxLineBytes: 50, chunkSize: 16 });
    expect(lines.map((l) => [l.length, l.bytes === null, l.terminated])).toEqual([
      [100, true, true],
      [2, false, true],
      [100, true, false],
    ]);
  });

  it('gives the same lines whatever the chunk size (property)', async () => {
    // Bytes drawn mostly from the ones that matter: newlines, carriage returns and UTF-8 lead bytes.
    const byte = fc.oneof(
      fc.constantFrom(0x0a, 0x0d, 0x7b, 0x22, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f),
      fc.integer({ min: 0, max: 255 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(byte, { maxLength: 300 }),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, chunkSize) => {
          const content = Buffer.from(bytes);
          const whole = await scan(content, { chunkSize: 1 << 20 });
          const chunked = await scan(content, { chunkSize });
          expect(chunked).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps UTF-8 characters whole when a chunk boundary splits them (property)', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        async (lines, chunkSize) => {
          const clean = lines.map((line) => line.replace(/[\r\n]/g, ''));
          const { lines: got } = await scan(clean.map((line) => `${line}\n`).join(''), { chunkSize });
          expect(got.map((line) => Buffer.from(line.bytes ?? '', 'hex').toString('utf8'))).toEqual(clean);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('readRange', () => {
  it('reads exactly the range, or what there is before the end of the file', async () => {
    const path = join(dir, 'range');
    await writeFile(path, '0123456789');
    const handle = await open(path, 'r');
    try {
      expect((await readRange(handle, 2, 3)).toString()).toBe('234');
      expect((await readRange(handle, 8, 5)).toString()).toBe('89');
      expect((await readRange(handle, 0, 0)).length).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
