import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainChecker } from './checker';
import type { LogEntry } from './entries';
import { isBlank } from './log';
import { chain, SOURCE_ID, tempDir, vectorLines, writeLog } from './testkit';
import { verifyLog } from './verify';

const entry: fc.Arbitrary<LogEntry> = fc.oneof(
  fc.record({
    kind: fc.constant('user_input' as const),
    ts: fc.nat(),
    item: fc.record({
      type: fc.constant('message' as const),
      role: fc.constant('user' as const),
      content: fc.array(
        fc.record({ type: fc.constant('text' as const), text: fc.string({ unit: 'binary' }) }),
        {
          maxLength: 3,
        },
      ),
    }),
  }),
  fc.record({ kind: fc.constant('turn_end' as const), ts: fc.nat(), turn_count: fc.nat() }),
  fc.record({
    kind: fc.constant('run_errored' as const),
    ts: fc.nat(),
    interrupted: fc.boolean(),
    message: fc.string({ unit: 'grapheme' }),
  }),
);

/** A byte the prefix checks are sensitive to, or any byte. */
const byte = fc.oneof(fc.constantFrom(...Buffer.from('0123456789abcdefABCDEF"{},:nul \r\n')), fc.nat(255));

/** A chained log with one byte replaced, mostly inside a line's `hash`/`prev_hash` prefix. */
const tampered = fc
  .record({
    entries: fc.array(entry, { minLength: 1, maxLength: 8 }),
    line: fc.nat(),
    at: fc.oneof(fc.nat(170), fc.nat()),
    to: byte,
    tail: fc.boolean(),
  })
  .map(({ entries, line, at, to, tail }) => {
    const lines = chain(entries).lines.map((l) => Buffer.from(`${l}\n`));
    const target = lines[line % lines.length] as Buffer;
    target[at % target.length] = to;
    const file = Buffer.concat(lines);
    // Without its last "\n", the last line is a torn one.
    return tail ? file : file.subarray(0, -1);
  });

/** Runs a checker over the file's lines the way verifyLog does: the first failure, or the head. */
function check(file: Buffer, fast: boolean): { line: number; reason: string } | { head: string | null } {
  const checker = chainChecker({ fast });
  const lines = file.toString('latin1').split('\n');
  for (const [i, text] of lines.entries()) {
    const terminated = i < lines.length - 1;
    if (!terminated && text === '') break;
    const bytes = Buffer.from(terminated && text.endsWith('\r') ? text.slice(0, -1) : text, 'latin1');
    if (isBlank(bytes)) continue;
    const reason = checker.next(bytes, terminated);
    if (reason !== null) return { line: i + 1, reason };
  }
  return { head: checker.head()?.toString('hex') ?? null };
}

describe('the fast chain check', () => {
  it('reports what the reference check reports, for any single tampered byte', () => {
    fc.assert(
      fc.property(tampered, (file) => {
        expect(check(file, true)).toEqual(check(file, false));
      }),
      { numRuns: 2000 },
    );
  });

  it('is what verifyLog reports', async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(tampered, async (file) => {
        const path = join(dir, `${SOURCE_ID}.jsonl`);
        await writeFile(path, file);
        const { report } = await verifyLog(path, { chunkSize: 64 });
        const expected = check(file, false);
        if ('head' in expected) expect(report).toMatchObject({ ok: true, headHash: expected.head });
        else
          expect(report).toMatchObject({ ok: false, firstBadLine: expected.line, reason: expected.reason });
      }),
      { numRuns: 100 },
    );
  });

  it('accepts lines longer than its scratch buffer, however long', async () => {
    const text = (n: number) => 'é'.repeat(n);
    const { lines, hashes } = chain(
      [100, 40_000, 700_000, 300, 2_000_000, 10].map((n, i) => ({
        kind: 'user_input',
        ts: i,
        item: { type: 'message', role: 'user', content: [{ type: 'text', text: text(n) }] },
      })),
    );
    const { report } = await verifyLog(await writeLog(await tempDir(), SOURCE_ID, lines));
    expect(report).toMatchObject({ ok: true, lines: 6, headHash: hashes[5] });
    const bad = [...lines];
    bad[4] = (bad[4] ?? '').replace('éé', 'ée');
    expect((await verifyLog(await writeLog(await tempDir(), SOURCE_ID, bad))).report).toMatchObject({
      firstBadLine: 5,
      reason: 'bad hash: the entry does not hash to its "hash"',
    });
  });

  it('takes the test vector whole, and a first line with a prev_hash as a broken link', () => {
    const vector = Buffer.from(vectorLines.map((l) => `${l}\n`).join(''));
    expect(check(vector, true)).toEqual({
      head: 'f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143',
    });
    const rest = Buffer.from(vectorLines.slice(1).join('\n'));
    expect(check(rest, true)).toEqual(check(rest, false));
  });
});
