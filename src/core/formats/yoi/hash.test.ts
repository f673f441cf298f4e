import { describe, expect, it } from 'vitest';
import { parseHashedLine } from './entries';
import { hashedLine, splitLine } from './hash';
import { vectorEntries, vectorLines } from './testkit';

describe('the formats.md §3.5 test vector', () => {
  it('is reproduced byte for byte, chained', () => {
    let prev: string | null = null;
    const lines = vectorEntries.map((entry) => {
      const { hash, line } = hashedLine(prev, entry);
      prev = hash;
      return line;
    });
    expect(lines).toEqual(vectorLines);
  });

  it('reads back into the same entries', () => {
    const read = vectorLines.map((line) => parseHashedLine(line));
    const sorted = { alpha: { a: 1, b: 2 }, zeta: 1 };
    expect(read.map((r) => (r.ok ? r.value.entry : r.reason))).toEqual(
      vectorEntries.map((e) => (e.kind === 'extension' ? { ...e, payload: sorted } : e)),
    );
  });

  it('splits a line into its hash, prev hash and entry body', () => {
    const first = splitLine(Buffer.from(vectorLines[0] ?? ''));
    expect(first?.prev).toBeNull();
    expect(first?.body.toString().startsWith('"kind":"session_start"')).toBe(true);
    const second = splitLine(Buffer.from(vectorLines[1] ?? ''));
    expect(second?.prev?.toString('hex')).toBe(first?.hash.toString('hex'));
    expect(splitLine(Buffer.from('{"hash":"xyz","prev_hash":null,"kind":"turn_end"}'))).toBeNull();
  });
});
