/** LineIndex.serialize and LineIndex.deserialize: a stored index answers as the scanned one did. */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineIndex } from './line-index';
import type { Classify } from './line-index';
import { indexOf } from './testkit';

/** `r…` lines are records, blank lines are blank, anything else is unreadable for a reason. */
const classify: Classify = (line) => {
  const text = line.bytes?.toString() ?? '';
  if (text.trim() === '') return 'blank';
  return text.startsWith('r') ? 'record' : { unreadable: `bad: ${text}` };
};

const lineText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => `r${text.replaceAll('\n', ' ')}`),
  fc.constantFrom('', ' ', '\t', '\r'),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
    .map((text) => `x${text.replaceAll('\n', ' ')}`),
);
/** JSONL-ish content: lines of each kind, each ended by "\n" or "\r\n", then maybe an unterminated tail. */
const content = fc
  .tuple(fc.array(fc.tuple(lineText, fc.constantFrom('\n', '\r\n')), { maxLength: 60 }), fc.option(lineText))
  .map(([lines, tail]) => lines.map(([text, end]) => text + end).join('') + (tail ?? ''));

let dir: string;
let files = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-index-bytes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every public answer of an index. */
function answers(index: LineIndex): unknown {
  const records = Array.from({ length: index.recordCount }, (_, i) => [
    index.recordOffset(i),
    index.recordLength(i),
    index.recordTerminated(i),
    index.recordsBefore(index.recordOffset(i)),
    index.recordsBefore(index.recordOffset(i) + 1),
  ]);
  return {
    facts: index.facts,
    lineCount: index.lineCount,
    completeEnd: index.completeEnd,
    endsComplete: index.endsComplete,
    recordCount: index.recordCount,
    unreadableCount: index.unreadableCount,
    skipped: index.skipped,
    records,
    past: index.recordsBefore(index.facts.size + 1),
  };
}

async function built(text: string): Promise<{ path: string; index: LineIndex }> {
  const path = join(dir, `f${files++}`);
  await writeFile(path, text);
  return { path, index: await indexOf(path, classify) };
}

describe('LineIndex.serialize / deserialize', () => {
  it('round-trips every answer, and extends after an append exactly as a fresh build', async () => {
    await fc.assert(
      fc.asyncProperty(content, content, async (before, appended) => {
        const { path, index } = await built(before);
        const bytes = index.serialize();
        const restored = LineIndex.deserialize(bytes);
        expect(answers(restored)).toEqual(answers(index));
        expect(restored.serialize()).toEqual(bytes);

        await appendFile(path, appended);
        const extended = await indexOf(path, classify, restored);
        const fresh = await indexOf(path, classify);
        expect(answers(extended)).toEqual(answers(fresh));
        expect(extended.serialize()).toEqual(fresh.serialize());
      }),
      { numRuns: 150 },
    );
  });

  it('rebuilds a restored index when its file was rewritten in place', async () => {
    const { path, index } = await built('r1\nr2\nxx\n');
    const restored = LineIndex.deserialize(index.serialize());
    await writeFile(path, 'r9\nr8\nr7\nr6\n');
    const updated = await indexOf(path, classify, restored);
    expect(updated).not.toBe(restored);
    expect(answers(updated)).toEqual(answers(await indexOf(path, classify)));
  });

  it('keeps no part of the blob: a restored index is unchanged when the bytes it came from are', async () => {
    const { index } = await built('r1\nxx\nr2\n');
    const bytes = index.serialize();
    const restored = LineIndex.deserialize(bytes);
    bytes.fill(0);
    expect(answers(restored)).toEqual(answers(index));
  });

  it('refuses any truncation and any changed byte with a clear error', async () => {
    const { index } = await built('r1\n\nxx é\nr2\r\nrtail');
    const bytes = index.serialize();
    for (let length = 0; length < bytes.length; length++) {
      expect(() => LineIndex.deserialize(bytes.subarray(0, length)), `cut at ${length}`).toThrow(
        /^stored line index is unusable: /,
      );
    }
    for (let at = 0; at < bytes.length; at++) {
      const damaged = Uint8Array.from(bytes);
      damaged[at] = (damaged[at] ?? 0) ^ 0x20;
      expect(() => LineIndex.deserialize(damaged), `byte ${at} changed`).toThrow(
        /^stored line index is unusable: /,
      );
    }
    expect(() => LineIndex.deserialize(Uint8Array.from([...bytes, 0]))).toThrow(/unusable/);
  });

  it('refuses garbage of any shape', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (garbage) => {
        expect(() => LineIndex.deserialize(garbage)).toThrow(/^stored line index is unusable: /);
      }),
    );
  });

  it('names another version, and refuses well-formed bytes whose counts contradict each other', async () => {
    const { index } = await built('r1\nxx\nr2\n');
    const bytes = index.serialize();
    const resealed = (change: (view: DataView) => void): Uint8Array => {
      const copy = Uint8Array.from(bytes);
      const view = new DataView(copy.buffer);
      change(view);
      view.setUint32(copy.length - 4, crc32(copy.subarray(0, copy.length - 4)), true);
      return copy;
    };
    expect(() => LineIndex.deserialize(resealed((view) => view.setUint8(4, 2)))).toThrow(
      'stored line index is unusable: its version is 2, and only 1 is read',
    );
    // The header's fifth field is the line count; the eighth the unreadable count.
    expect(() => LineIndex.deserialize(resealed((view) => view.setFloat64(8 + 4 * 8, 4, true)))).toThrow(
      /counts contradict/,
    );
    expect(() => LineIndex.deserialize(resealed((view) => view.setFloat64(8 + 7 * 8, 0, true)))).toThrow(
      /counts contradict|unreadable count/,
    );
    expect(() => LineIndex.deserialize(resealed((view) => view.setFloat64(8 + 4 * 8, 0.5, true)))).toThrow(
      /not a whole number/,
    );
    // The first record's offset, past the end of the file.
    expect(() => LineIndex.deserialize(resealed((view) => view.setFloat64(128, 1e6, true)))).toThrow(
      /past the end of the file|out of order/,
    );
  });
});
