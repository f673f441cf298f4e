import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RootInfo } from '../../../shared/model';
import { sampleSummary } from '../../../shared/testkit';
import {
  activeFilterCount,
  filterChips,
  localDay,
  matchesFilters,
  matchesState,
  noFilters,
  withoutFilter,
} from './listFilters';
import type { ListFilters } from './listFilters';
import type { RunStatus } from './runStatus';

const idle: RunStatus = { kind: 'idle' };
const stuck: RunStatus = { kind: 'stuck', since: null, elapsedMs: 9e6 };
const running: RunStatus = { kind: 'running', since: null, elapsedMs: 1 };

/** Noon local time, so the day is the same in every time zone the tests run in. */
const noon = (day: string) => new Date(`${day}T12:00:00`).toISOString();

const session = sampleSummary('r1', 'one', {
  format: 'orcs',
  projectPath: '/home/ada/code/parser',
  updatedAt: noon('2026-03-10'),
  health: { unreadableLines: 2, damaged: null, chain: null },
  failedToolCalls: 1,
});
const plain = sampleSummary('r2', 'two', { updatedAt: noon('2026-03-01') });
const passes = (filters: Partial<ListFilters>, s = session, status: RunStatus = idle) =>
  matchesFilters(s, { ...noFilters, ...filters }, status);

describe('matchesFilters', () => {
  it('keeps everything with no filter on', () => {
    expect(passes({})).toBe(true);
    expect(passes({}, plain)).toBe(true);
  });

  it('narrows by folder, format and project, "" being no project', () => {
    expect(passes({ root: 'r1' })).toBe(true);
    expect(passes({ root: 'r2' })).toBe(false);
    expect(passes({ format: 'orcs' })).toBe(true);
    expect(passes({ format: 'yoi' })).toBe(false);
    expect(passes({ project: '/home/ada/code/parser' })).toBe(true);
    expect(passes({ project: '' })).toBe(false);
    expect(passes({ project: '' }, plain)).toBe(true);
  });

  it('narrows by run state, stuck turns counting as running', () => {
    expect(passes({ state: 'running' }, session, stuck)).toBe(true);
    expect(passes({ state: 'stuck' }, session, running)).toBe(false);
    expect(passes({ state: 'idle' }, session, idle)).toBe(true);
    expect(passes({ state: 'error' }, session, idle)).toBe(false);
    expect(matchesState({ kind: 'error' }, 'error')).toBe(true);
  });

  it('takes both ends of the day range', () => {
    expect(passes({ updatedFrom: '2026-03-10' })).toBe(true);
    expect(passes({ updatedFrom: '2026-03-11' })).toBe(false);
    expect(passes({ updatedTo: '2026-03-10' })).toBe(true);
    expect(passes({ updatedTo: '2026-03-09' })).toBe(false);
    expect(passes({ updatedFrom: '2026-03-01', updatedTo: '2026-03-31' }, plain)).toBe(true);
    expect(passes({ updatedFrom: '2026-03-01' }, { ...plain, updatedAt: null })).toBe(false);
  });

  it('keeps only sessions with unreadable lines or failed tool calls when asked', () => {
    expect(passes({ unreadable: true })).toBe(true);
    expect(passes({ unreadable: true }, plain)).toBe(false);
    expect(passes({ failedTools: true })).toBe(true);
    expect(passes({ failedTools: true }, plain)).toBe(false);
    expect(passes({ failedTools: true }, { ...session, failedToolCalls: 0 })).toBe(false);
  });

  const arbFilters: fc.Arbitrary<ListFilters> = fc.record({
    root: fc.constantFrom(null, 'r1', 'r2'),
    format: fc.constantFrom(null, 'orcs' as const, 'yoi' as const),
    project: fc.constantFrom(null, '', '/home/ada/code/parser'),
    state: fc.constantFrom('all' as const, 'running' as const, 'idle' as const),
    updatedFrom: fc.constantFrom(null, '2026-03-05'),
    updatedTo: fc.constantFrom(null, '2026-03-05'),
    unreadable: fc.boolean(),
    failedTools: fc.boolean(),
  });

  it('each filter only ever narrows: dropping one never hides a session', () => {
    fc.assert(
      fc.property(arbFilters, fc.constantFrom(session, plain), (filters, s) => {
        if (!matchesFilters(s, filters, idle)) return;
        for (const field of Object.keys(filters) as (keyof ListFilters)[]) {
          expect(matchesFilters(s, withoutFilter(filters, field), idle)).toBe(true);
        }
      }),
    );
  });
});

describe('filterChips', () => {
  const roots: RootInfo[] = [
    {
      id: 'r1',
      path: '/home/ada/.orcs/sessions',
      format: 'orcs',
      origin: 'default',
      exists: true,
      readOnly: false,
    },
  ];

  it('names each active filter, in the menu’s order', () => {
    const filters: ListFilters = { ...noFilters, failedTools: true, root: 'r1', format: 'orcs', project: '' };
    expect(filterChips(filters, roots).map((chip) => chip.label)).toEqual([
      'Folder: …/.orcs/sessions',
      'Format: ORCS',
      'Project: No project',
      'Has failed tool calls',
    ]);
    expect(activeFilterCount(filters)).toBe(4);
  });

  it('still names a folder that has gone', () => {
    expect(filterChips({ ...noFilters, root: 'gone' }, roots)[0]?.label).toBe('Folder: a removed folder');
  });
});

describe('localDay', () => {
  it('is the local calendar day, or null for no time', () => {
    expect(localDay(new Date(2026, 2, 10, 23, 59).getTime())).toBe('2026-03-10');
    expect(localDay(null)).toBeNull();
    expect(localDay('not a time')).toBeNull();
  });
});
