import { describe, expect, it } from 'vitest';
import type { ToolCall, Turn } from '../../shared/model';
import { TIMELINE_CAP } from '../../shared/stats';
import { TimelineBuilder } from './timeline';

const T0 = Date.parse('2026-03-01T10:00:00Z');

function turn(index: number, role: string, atMs: number | null, calls: Partial<ToolCall>[] = []): Turn {
  return {
    index,
    notice: false,
    id: null,
    role,
    text: '',
    time: atMs === null ? null : new Date(atMs).toISOString(),
    toolCalls: calls.map((call) => ({
      name: 'tool',
      arguments: null,
      result: null,
      success: true,
      durationMs: null,
      ...call,
    })),
    tags: [],
    metadata: {},
  };
}

describe('TimelineBuilder', () => {
  it('gives every turn and call a row: a turn lasts until the next, its calls follow one another', () => {
    const builder = new TimelineBuilder();
    builder.add(turn(0, 'user', T0));
    builder.add(
      turn(1, 'assistant', T0 + 5_000, [
        { name: 'read', durationMs: 200 },
        { name: 'bash', durationMs: 1_000, success: false },
      ]),
    );
    builder.add(turn(2, 'assistant', T0 + 9_000));
    const figures = builder.finish();
    expect(figures).toMatchObject({ turns: 3, toolCalls: 2, failedCalls: 1, timedTurns: 3, spanTurns: null });
    expect(figures.rows).toEqual([
      {
        kind: 'turn',
        turn: 0,
        lastTurn: 0,
        role: 'user',
        tool: null,
        start: T0,
        end: T0 + 5_000,
        calls: 0,
        failed: 0,
      },
      {
        kind: 'turn',
        turn: 1,
        lastTurn: 1,
        role: 'assistant',
        tool: null,
        start: T0 + 5_000,
        end: T0 + 9_000,
        calls: 2,
        failed: 1,
      },
      {
        kind: 'tool',
        turn: 1,
        lastTurn: 1,
        role: null,
        tool: 'read',
        start: T0 + 5_000,
        end: T0 + 5_200,
        calls: 1,
        failed: 0,
      },
      {
        kind: 'tool',
        turn: 1,
        lastTurn: 1,
        role: null,
        tool: 'bash',
        start: T0 + 5_200,
        end: T0 + 6_200,
        calls: 1,
        failed: 1,
      },
      // The last turn ends where it starts, or where its calls end.
      {
        kind: 'turn',
        turn: 2,
        lastTurn: 2,
        role: 'assistant',
        tool: null,
        start: T0 + 9_000,
        end: T0 + 9_000,
        calls: 0,
        failed: 0,
      },
    ]);
  });

  it('keeps a turn at least as long as its calls, and leaves times out where none is recorded', () => {
    const builder = new TimelineBuilder();
    builder.add(turn(0, 'assistant', T0, [{ durationMs: 8_000 }]));
    builder.add(turn(1, 'user', T0 + 1_000));
    builder.add(turn(2, 'user', null, [{ name: 'web', durationMs: null, success: null }]));
    const { rows, timedTurns, failedCalls } = builder.finish();
    expect(rows[0]).toMatchObject({ start: T0, end: T0 + 8_000 });
    expect(rows.at(-2)).toMatchObject({ kind: 'turn', start: null, end: null });
    expect(rows.at(-1)).toMatchObject({ kind: 'tool', tool: 'web', start: null, end: null, failed: 0 });
    expect(timedTurns).toBe(2);
    expect(failedCalls).toBe(0);
  });

  it('past the cap, shows spans of turns whose width doubles, keeping every count', () => {
    const builder = new TimelineBuilder(10);
    for (let i = 0; i < 25; i++) builder.add(turn(i, 'user', T0 + i * 1_000, [{ success: i % 5 !== 0 }]));
    const { rows, spanTurns, turns, toolCalls, failedCalls } = builder.finish();
    // 25 turns and 25 calls are 50 rows: spans of 4 turns are the first width that fits in 10.
    expect(spanTurns).toBe(4);
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.kind === 'span' && row.role === null)).toBe(true);
    expect(rows.map((row) => [row.turn, row.lastTurn])).toEqual([
      [0, 3],
      [4, 7],
      [8, 11],
      [12, 15],
      [16, 19],
      [20, 23],
      [24, 24],
    ]);
    expect(rows.reduce((sum, row) => sum + row.calls, 0)).toBe(toolCalls);
    expect(rows.reduce((sum, row) => sum + row.failed, 0)).toBe(failedCalls);
    expect(failedCalls).toBe(5);
    expect(turns).toBe(25);
    expect(rows[0]).toMatchObject({ start: T0, end: T0 + 4_000 });
    expect(rows.at(-1)).toMatchObject({ start: T0 + 24_000, end: T0 + 24_000 });
  });

  it('answers a session of 50,000 turns in at most TIMELINE_CAP rows', () => {
    const builder = new TimelineBuilder();
    for (let i = 0; i < 50_000; i++) {
      builder.add(
        turn(i, i % 2 === 0 ? 'user' : 'assistant', T0 + i * 500, i % 2 ? [{ durationMs: 100 }] : []),
      );
    }
    const { rows, spanTurns, turns, toolCalls } = builder.finish();
    expect(turns).toBe(50_000);
    expect(toolCalls).toBe(25_000);
    expect(rows.length).toBeLessThanOrEqual(TIMELINE_CAP);
    expect(spanTurns).toBe(32);
    expect(rows).toHaveLength(Math.ceil(50_000 / 32));
    expect(rows.reduce((sum, row) => sum + (row.lastTurn - row.turn + 1), 0)).toBe(50_000);
    expect(rows.reduce((sum, row) => sum + row.calls, 0)).toBe(25_000);
  });

  it('keeps every row of a session right at the cap', () => {
    const builder = new TimelineBuilder(6);
    for (let i = 0; i < 3; i++) builder.add(turn(i, 'assistant', T0 + i, [{ name: `t${i}` }]));
    const { rows, spanTurns } = builder.finish();
    expect(spanTurns).toBeNull();
    expect(rows.map((row) => row.kind)).toEqual(['turn', 'tool', 'turn', 'tool', 'turn', 'tool']);
  });
});
