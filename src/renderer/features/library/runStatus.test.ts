import { describe, expect, it } from 'vitest';
import type { RunState, SessionSummary } from '../../../shared/model';
import { sampleSummary } from '../../../shared/testkit';
import { filterSessions, hasRunStates, matchesFilter, runStatus } from './runStatus';
import { defaultStuckMinutes, maxStuckMinutes, parseMinutes } from './threshold';

const now = Date.parse('2026-05-01T12:00:00Z');
const minutes = (count: number) => count * 60_000;
const threshold = minutes(30);

function session(
  id: string,
  state: RunState | null,
  startedMinutesAgo: number | null = null,
): SessionSummary {
  return sampleSummary('r1', id, {
    state: state && {
      state,
      turnId: null,
      turnStartedAt:
        startedMinutesAgo === null ? null : new Date(now - minutes(startedMinutesAgo)).toISOString(),
    },
  });
}

describe('runStatus', () => {
  it('reads no state and idle alike', () => {
    expect(runStatus(session('a', null), threshold, now)).toEqual({ kind: 'idle' });
    expect(runStatus(session('a', 'idle'), threshold, now)).toEqual({ kind: 'idle' });
  });

  it('reads an error', () => {
    expect(runStatus(session('a', 'error', 90), threshold, now)).toEqual({ kind: 'error' });
  });

  it('is running up to the threshold and stuck past it', () => {
    expect(runStatus(session('a', 'running', 30), threshold, now)).toMatchObject({
      kind: 'running',
      elapsedMs: minutes(30),
    });
    expect(runStatus(session('a', 'running', 31), threshold, now)).toMatchObject({
      kind: 'stuck',
      elapsedMs: minutes(31),
    });
  });

  it('keeps a running turn with no start time running, since it cannot be judged', () => {
    expect(runStatus(session('a', 'running'), 0, now)).toEqual({
      kind: 'running',
      since: null,
      elapsedMs: null,
    });
  });
});

describe('filterSessions', () => {
  const all = [
    session('idle', 'idle'),
    session('fresh', 'running', 5),
    session('hung', 'running', 125),
    session('failed', 'error'),
    session('plain', null),
  ];
  const ids = (filter: 'all' | 'running' | 'stuck', limit = threshold) =>
    filterSessions(all, filter, limit, now).visible.map((each) => each.ref.id);

  it('shows everything with no filter, and counts running (stuck included) and stuck', () => {
    expect(ids('all')).toEqual(['idle', 'fresh', 'hung', 'failed', 'plain']);
    expect(filterSessions(all, 'all', threshold, now)).toMatchObject({ running: 2, stuck: 1 });
  });

  it('narrows to running turns, stuck ones included', () => {
    expect(ids('running')).toEqual(['fresh', 'hung']);
  });

  it('narrows to stuck turns, by the threshold given', () => {
    expect(ids('stuck')).toEqual(['hung']);
    expect(ids('stuck', minutes(3))).toEqual(['fresh', 'hung']);
    expect(ids('stuck', minutes(200))).toEqual([]);
  });

  it('never lets the stuck filter show something that is not running', () => {
    expect(matchesFilter({ kind: 'error' }, 'stuck')).toBe(false);
    expect(matchesFilter({ kind: 'idle' }, 'running')).toBe(false);
  });

  it('knows when no session has a run state to filter by', () => {
    expect(hasRunStates([session('a', null)])).toBe(false);
    expect(hasRunStates(all)).toBe(true);
  });
});

describe('parseMinutes', () => {
  it.each([
    ['30', 30],
    [' 5 ', 5],
    ['1', 1],
    [String(maxStuckMinutes), maxStuckMinutes],
  ])('accepts %j', (text, value) => {
    expect(parseMinutes(text)).toBe(value);
  });

  it.each([null, '', '0', '-3', '2.5', '1e3', 'abc', String(maxStuckMinutes + 1)])('refuses %j', (text) => {
    expect(parseMinutes(text)).toBeNull();
  });

  it('has a default it would accept', () => {
    expect(parseMinutes(String(defaultStuckMinutes))).toBe(defaultStuckMinutes);
  });
});
