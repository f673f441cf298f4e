import { describe, expect, it } from 'vitest';
import type { ToolCall, Turn, TurnPage } from '../../shared/model';
import { streamFind, turnMatches } from './find-stream';

function turn(index: number, text: string, toolCalls: ToolCall[] = []): Turn {
  return {
    index,
    notice: false,
    id: null,
    role: 'user',
    text,
    time: null,
    toolCalls,
    tags: [],
    metadata: {},
  };
}

function reader(turns: Turn[]) {
  const reads: [number, number][] = [];
  const read = async (from: number, count: number): Promise<TurnPage> => {
    reads.push([from, count]);
    return { total: turns.length, from, turns: turns.slice(from, from + count) };
  };
  return { read, reads };
}

describe('streamFind', () => {
  const many = Array.from({ length: 1_200 }, (_, i) => turn(i, i % 100 === 7 ? 'Café au lait' : 'tea'));

  it('reads the session a page at a time from where it is asked and keeps the matching turns', async () => {
    const { read, reads } = reader(many);
    const found = await streamFind(read, ['cafe'], 0, 100);
    expect(found.turns).toEqual([7, 107, 207, 307, 407, 507, 607, 707, 807, 907, 1007, 1107]);
    expect(found.total).toBe(12);
    expect(reads.map(([from]) => from)).toEqual([0, 500, 1000]);
    const tail = await streamFind(read, ['cafe'], 1000, 1);
    expect(tail).toEqual({ turns: [1007], total: 2 });
  });

  it('reads nothing for a query without terms', async () => {
    const { read, reads } = reader(many);
    expect(await streamFind(read, [], 0, 10)).toEqual({ turns: [], total: 0 });
    expect(reads).toEqual([]);
  });

  it('matches every term, in the text or a tool call, without case or diacritics', () => {
    const call: ToolCall = {
      name: 'read_file',
      arguments: { path: 'src/Main.ts', size: 10n },
      result: 'export const x = 1',
      success: true,
      durationMs: 1,
    };
    const withCall = turn(0, 'Let me look', [call]);
    expect(turnMatches(withCall, ['read_file'])).toBe(true);
    expect(turnMatches(withCall, ['main.ts', 'look'])).toBe(true);
    expect(turnMatches(withCall, ['look', 'absent'])).toBe(false);
    expect(turnMatches(turn(0, 'NAÏVE'), ['naive'])).toBe(true);
  });
});
