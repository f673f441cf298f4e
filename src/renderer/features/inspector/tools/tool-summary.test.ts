import { describe, expect, it } from 'vitest';
import type { ToolCall, Turn } from '../../../../shared/model';
import { summariseTools } from './tool-summary';

function call(name: string, durationMs: number | null, success: boolean | null = true): ToolCall {
  return { name, arguments: {}, result: null, success, durationMs };
}

function turn(index: number, toolCalls: ToolCall[]): Turn {
  return {
    index,
    notice: false,
    id: null,
    role: 'assistant',
    text: '',
    time: null,
    toolCalls,
    tags: [],
    metadata: {},
  };
}

describe('summariseTools', () => {
  it('counts calls and failures and sums and maxes durations per tool, across turns', () => {
    const summary = summariseTools([
      turn(0, [call('read', 10), call('bash', 300, false)]),
      turn(1, []),
      turn(2, [call('read', 30), call('bash', 600), call('read', 20, false)]),
    ]);
    expect(summary.tools).toEqual([
      { name: 'bash', calls: 2, failures: 1, timedCalls: 2, totalMs: 900, slowestMs: 600, share: 900 / 960 },
      { name: 'read', calls: 3, failures: 1, timedCalls: 3, totalMs: 60, slowestMs: 30, share: 60 / 960 },
    ]);
    expect(summary).toMatchObject({ calls: 5, failures: 2, totalMs: 960, slowestMs: 600 });
  });

  it('shares add up to one', () => {
    const summary = summariseTools([turn(0, [call('a', 1), call('b', 2), call('c', 4)])]);
    expect(summary.tools.reduce((sum, tool) => sum + tool.share, 0)).toBeCloseTo(1, 12);
  });

  it('orders by time, then by calls, then by name', () => {
    const summary = summariseTools([
      turn(0, [call('zeta', 5), call('alpha', 5), call('beta', 5), call('beta', 0), call('slow', 50)]),
    ]);
    expect(summary.tools.map((tool) => tool.name)).toEqual(['slow', 'beta', 'alpha', 'zeta']);
  });

  it('leaves calls without a usable duration out of the times but not out of the counts', () => {
    const summary = summariseTools([
      turn(0, [call('grep', null), call('grep', Number.NaN), call('grep', -4), call('grep', 7)]),
    ]);
    expect(summary.tools[0]).toMatchObject({ calls: 4, timedCalls: 1, totalMs: 7, slowestMs: 7, share: 1 });
  });

  it('has no slowest call and no shares when nothing was timed', () => {
    const summary = summariseTools([turn(0, [call('ask', null, null)])]);
    expect(summary.tools[0]).toMatchObject({ calls: 1, failures: 0, slowestMs: null, share: 0 });
    expect(summary.slowestMs).toBeNull();
  });

  it('counts a zero-millisecond call as timed, and as the slowest when it is the only one', () => {
    expect(summariseTools([turn(0, [call('noop', 0)])]).tools[0]).toMatchObject({
      timedCalls: 1,
      slowestMs: 0,
    });
  });

  it('is empty for turns without tool calls', () => {
    expect(summariseTools([turn(0, [])])).toEqual({
      tools: [],
      calls: 0,
      failures: 0,
      totalMs: 0,
      slowestMs: null,
    });
  });
});
