import { describe, expect, it } from 'vitest';
import { activitySeries, busiest } from './series';

describe('activitySeries', () => {
  it('fills quiet days with zeros so the axis is even', () => {
    const series = activitySeries({
      from: '2025-11-20',
      to: '2025-11-23',
      perDay: [
        { day: '2025-11-20', sessions: 1, turns: 1 },
        { day: '2025-11-22', sessions: 2, turns: 5 },
      ],
    });
    expect(series).toEqual({
      unit: 'day',
      bars: [
        { day: '2025-11-20', sessions: 1, turns: 1 },
        { day: '2025-11-21', sessions: 0, turns: 0 },
        { day: '2025-11-22', sessions: 2, turns: 5 },
        { day: '2025-11-23', sessions: 0, turns: 0 },
      ],
    });
    expect(busiest(series.bars)?.day).toBe('2025-11-22');
  });

  it('adds up weeks, Monday first, over a range too long for a bar a day', () => {
    const series = activitySeries({
      from: '2025-01-01',
      to: '2025-12-31',
      perDay: [
        { day: '2025-01-01', sessions: 1, turns: 2 },
        { day: '2025-01-05', sessions: 1, turns: 3 },
        { day: '2025-01-06', sessions: 4, turns: 4 },
        { day: '2025-12-31', sessions: 1, turns: 1 },
      ],
    });
    expect(series.unit).toBe('week');
    // 2025-01-01 is a Wednesday: its week began on Monday 2024-12-30.
    expect(series.bars[0]).toEqual({ day: '2024-12-30', sessions: 2, turns: 5 });
    expect(series.bars[1]).toEqual({ day: '2025-01-06', sessions: 4, turns: 4 });
    expect(series.bars.at(-1)).toEqual({ day: '2025-12-29', sessions: 1, turns: 1 });
    expect(series.bars.reduce((sum, bar) => sum + bar.turns, 0)).toBe(10);
  });

  it('has no bars without activity', () => {
    expect(activitySeries({ from: null, to: null, perDay: [] }).bars).toEqual([]);
    expect(busiest([{ day: '2025-01-01', sessions: 0, turns: 0 }])).toBeNull();
  });
});
