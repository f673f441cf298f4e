import { describe, expect, it } from 'vitest';
import type { Turn } from '../../../shared/model';
import type { TimelineItem } from '../session/timeline';
import { turnFocusIndex } from './turnFocus';

const ref = { root: 'r1', id: 's1' };
const turn = (index: number): TimelineItem => ({
  kind: 'turn',
  turn: {
    index,
    notice: false,
    id: null,
    role: 'user',
    text: '',
    time: null,
    toolCalls: [],
    tags: [],
    metadata: {},
  } satisfies Turn,
});
const compaction: TimelineItem = {
  kind: 'compaction',
  span: { summary: 'earlier', turnCount: 4, startTime: null, endTime: null },
};

describe('turnFocusIndex', () => {
  const items = [compaction, turn(0), turn(1), compaction, turn(2)];

  it('finds the turn among compactions', () => {
    expect(turnFocusIndex(items, { ref, turn: 2 }, ref)).toBe(4);
    expect(turnFocusIndex(items, { ref, turn: 0 }, ref)).toBe(1);
  });

  it('is null for another session, no focus, or a turn not loaded', () => {
    expect(turnFocusIndex(items, { ref, turn: 1 }, { root: 'r1', id: 's2' })).toBeNull();
    expect(turnFocusIndex(items, null, ref)).toBeNull();
    expect(turnFocusIndex(items, { ref, turn: 9 }, ref)).toBeNull();
  });
});
