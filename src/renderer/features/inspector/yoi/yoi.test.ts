import { describe, expect, it } from 'vitest';
import type { Turn } from '../../../../shared/model';
import type { TimelineItem } from '../../session/timeline';
import { focusIndex } from './focus';
import { split } from './usage';

const ref = { root: 'r1', id: 'a' };

function turn(index: number, line: number, hash: string, endHash?: string): TimelineItem {
  const metadata = endHash === undefined ? { line, hash } : { line, hash, endHash };
  return { kind: 'turn', turn: { index, metadata } as unknown as Turn };
}

describe('focusIndex', () => {
  const items = [turn(0, 2, 'h2'), turn(1, 3, 'h3'), turn(2, 6, 'h6')];

  it('finds the turn of the entry by its hash', () => {
    expect(focusIndex(items, { ref, hash: 'h3', line: 3 }, ref)).toBe(1);
  });

  it('finds a turn by the entry it ends at, with or without a line', () => {
    const ended = [turn(0, 2, 'h2'), turn(1, 3, 'h3', 'h4'), turn(2, 6, 'h6')];
    expect(focusIndex(ended, { ref, hash: 'h4', line: null }, ref)).toBe(1);
  });

  it('falls back to the last turn before an entry that is no turn', () => {
    expect(focusIndex(items, { ref, hash: 'turn-end', line: 5 }, ref)).toBe(1);
  });

  it('is null for another session, or without a line to fall back on', () => {
    expect(focusIndex(items, { ref, hash: 'h3', line: 3 }, { root: 'r1', id: 'b' })).toBeNull();
    expect(focusIndex(items, { ref, hash: 'x', line: null }, ref)).toBeNull();
    expect(focusIndex(items, null, ref)).toBeNull();
  });
});

describe('split', () => {
  it('takes the cached parts out of the input total', () => {
    const usage = {
      line: 1,
      hash: 'h',
      time: '',
      historyLen: 1,
      inputTotalTokens: 1200,
      cacheReadTokens: 1024,
      cacheWriteTokens: 64,
      outputTokens: 80,
    };
    expect(split(usage)).toEqual({ input: 112, cacheRead: 1024, cacheWrite: 64, output: 80 });
  });

  it('never draws a negative input', () => {
    const usage = {
      line: 1,
      hash: 'h',
      time: '',
      historyLen: 1,
      inputTotalTokens: 10,
      cacheReadTokens: 20,
      cacheWriteTokens: 0,
      outputTokens: 1,
    };
    expect(split(usage).input).toBe(0);
  });
});
