import { describe, expect, it } from 'vitest';
import type { SessionStats, TimelineRow } from '../../../../shared/stats';
import { timelineSummary, timeTicks, waterfallOf } from './waterfall';

const T0 = Date.parse('2026-03-01T10:00:00Z');

function row(
  kind: TimelineRow['kind'],
  start: number | null,
  end: number | null,
  extra: Partial<TimelineRow> = {},
) {
  return { kind, turn: 0, lastTurn: 0, role: null, tool: null, start, end, calls: 0, failed: 0, ...extra };
}

describe('waterfallOf', () => {
  it('places timed rows from the session start and keeps an instant visible', () => {
    const rows: TimelineRow[] = [
      row('turn', T0, T0 + 10_000, { role: 'user' }),
      row('tool', T0 + 2_000, T0 + 2_000, { tool: 'read', calls: 1 }),
      row('turn', null, null, { turn: 1, lastTurn: 1, role: 'assistant' }),
    ];
    const { origin, span, bars } = waterfallOf(rows);
    expect(origin).toBe(T0);
    expect(span).toBe(10_000);
    expect(bars.map((bar) => bar.label)).toEqual(['#1 user', 'read']);
    expect(bars[0]?.range).toEqual([0, 10_000]);
    // 0.4% of the axis, drawn; its real length is still none.
    expect(bars[1]?.range).toEqual([2_000, 2_040]);
    expect(bars[1]?.durationMs).toBe(0);
  });

  it('has nothing to draw when no row has a time', () => {
    expect(waterfallOf([row('turn', null, null)]).bars).toEqual([]);
  });

  it('says what the chart shows, spans included', () => {
    const rows = [
      row('span', T0, T0 + 60_000, { turn: 0, lastTurn: 31, calls: 40, failed: 2 }),
      row('span', T0 + 60_000, T0 + 90_000, { turn: 32, lastTurn: 40, calls: 3 }),
    ];
    const stats: SessionStats = {
      turns: 41,
      toolCalls: 43,
      failedCalls: 2,
      timedTurns: 41,
      rows,
      spanTurns: 32,
      tokens: null,
    };
    expect(timelineSummary(stats, waterfallOf(rows))).toBe(
      'Timeline of 41 turns and 43 tool calls; 2 failed; over 1.5 min; each bar is 32 turns',
    );
  });
});

describe('timeTicks', () => {
  it('steps in round units and ends on a tick at or past the span', () => {
    expect(timeTicks(12_462)).toEqual([0, 5_000, 10_000, 15_000]);
    expect(timeTicks(2_200)).toEqual([0, 500, 1_000, 1_500, 2_000, 2_500]);
    expect(timeTicks(40 * 60_000)).toEqual([0, 10, 20, 30, 40].map((m) => m * 60_000));
    expect(timeTicks(0)).toEqual([0]);
  });
});
