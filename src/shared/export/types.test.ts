import { describe, expect, it } from 'vitest';
import type { Turn, TurnPage } from '../model';
import { turn } from './testing';
import { turnPages } from './types';

async function all(pages: AsyncIterable<readonly Turn[]>): Promise<number[]> {
  const indexes: number[] = [];
  for await (const page of pages) indexes.push(...page.map((each) => each.index));
  return indexes;
}

describe('turnPages', () => {
  it('reads every turn, a page of at most 500 at a time', async () => {
    const turns = Array.from({ length: 1201 }, (_, index) => turn(index, ''));
    const asked: [number, number][] = [];
    const read = async (from: number, count: number): Promise<TurnPage> => {
      asked.push([from, count]);
      return { total: turns.length, from, turns: turns.slice(from, from + count) };
    };
    expect(await all(turnPages(read))).toEqual(turns.map((each) => each.index));
    expect(asked).toEqual([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);
  });

  it('stops at an empty page though the total claims more, as when a session shrinks', async () => {
    let reads = 0;
    const read = async (from: number): Promise<TurnPage> => {
      reads += 1;
      return { total: 10, from, turns: from === 0 ? [turn(0, '')] : [] };
    };
    expect(await all(turnPages(read))).toEqual([0]);
    expect(reads).toBe(2);
  });
});
