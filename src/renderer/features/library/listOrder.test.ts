import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../shared/model';
import { sampleSummary } from '../../../shared/testkit';
import { compareSessions, directionLabel, naturalDirection, sortKeys, sortSessions } from './listOrder';
import type { ListSort } from './listOrder';

const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();

const a = sampleSummary('r1', 'a', {
  title: 'beta 10',
  updatedAt: at(3),
  createdAt: at(1),
  sizeBytes: 500,
  turnCount: 2,
});
const b = sampleSummary('r1', 'b', {
  title: 'Beta 9',
  updatedAt: at(5),
  createdAt: at(2),
  sizeBytes: 100,
  turnCount: 9,
});
const c = sampleSummary('r2', 'c', {
  title: 'alpha',
  updatedAt: null,
  createdAt: null,
  sizeBytes: 900,
  turnCount: 0,
});
const ids = (sessions: SessionSummary[]) => sessions.map((session) => session.ref.id);

describe('sortSessions', () => {
  it.each<[ListSort, string[]]>([
    [{ key: 'updated', direction: 'desc' }, ['b', 'a', 'c']],
    [{ key: 'updated', direction: 'asc' }, ['a', 'b', 'c']],
    [{ key: 'created', direction: 'desc' }, ['b', 'a', 'c']],
    [{ key: 'title', direction: 'asc' }, ['c', 'b', 'a']],
    [{ key: 'title', direction: 'desc' }, ['a', 'b', 'c']],
    [{ key: 'size', direction: 'desc' }, ['c', 'a', 'b']],
    [{ key: 'size', direction: 'asc' }, ['b', 'a', 'c']],
    [{ key: 'turns', direction: 'desc' }, ['b', 'a', 'c']],
  ])('sorts by %o', (sort, expected) => {
    expect(ids(sortSessions([a, b, c], sort))).toEqual(expected);
  });

  it('reads titles as people do: case aside, numbers by value', () => {
    expect(ids(sortSessions([a, b], { key: 'title', direction: 'asc' }))).toEqual(['b', 'a']);
  });

  it('leaves the list it was given as it was', () => {
    const list = [a, b, c];
    sortSessions(list, { key: 'title', direction: 'asc' });
    expect(ids(list)).toEqual(['a', 'b', 'c']);
  });

  const arbSession = fc
    .record({
      id: fc.stringMatching(/^[a-z]{1,4}$/),
      root: fc.constantFrom('r1', 'r2'),
      title: fc.string({ maxLength: 6 }),
      updated: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: null }),
      size: fc.nat(1000),
      turns: fc.nat(50),
    })
    .map((s) =>
      sampleSummary(s.root, s.id, {
        title: s.title,
        updatedAt: s.updated === null ? null : new Date(s.updated).toISOString(),
        createdAt: s.updated === null ? null : new Date(s.updated).toISOString(),
        sizeBytes: s.size,
        turnCount: s.turns,
      }),
    );
  const arbSort = fc.record({
    key: fc.constantFrom(...sortKeys),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  });

  it('gives one order whatever order the sessions came in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbSession, { selector: (s) => `${s.ref.root}/${s.ref.id}` }),
        arbSort,
        (list, sort) => {
          const once = ids(sortSessions(list, sort));
          expect(ids(sortSessions([...list].reverse(), sort))).toEqual(once);
        },
      ),
    );
  });

  it('puts sessions without a time last, in either direction', () => {
    fc.assert(
      fc.property(
        fc.array(arbSession),
        fc.constantFrom('asc' as const, 'desc' as const),
        (list, direction) => {
          const sorted = sortSessions(list, { key: 'updated', direction });
          const firstMissing = sorted.findIndex((s) => s.updatedAt === null);
          if (firstMissing >= 0)
            expect(sorted.slice(firstMissing).every((s) => s.updatedAt === null)).toBe(true);
        },
      ),
    );
  });

  it('is a consistent comparison: opposite pairs disagree', () => {
    fc.assert(
      fc.property(arbSession, arbSession, arbSort, (x, y, sort) => {
        const compare = compareSessions(sort);
        expect(Math.sign(compare(x, y))).toBe(-Math.sign(compare(y, x)) || 0);
      }),
    );
  });
});

describe('directions', () => {
  it('start where each key is read from, and say so in words', () => {
    expect(naturalDirection('title')).toBe('asc');
    expect(naturalDirection('size')).toBe('desc');
    expect(directionLabel('updated', 'desc')).toBe('Newest first');
    expect(directionLabel('title', 'asc')).toBe('A to Z');
  });
});
