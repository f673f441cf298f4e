import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSummary } from '../../../shared/testkit';
import { dayLabel, groupRows } from './listGroups';
import type { ListRow } from './listGroups';
import { sortSessions } from './listOrder';
import type { ListSort } from './listOrder';

const now = new Date(2026, 2, 10, 15, 0).getTime();
const local = (day: number, hour = 12) => new Date(2026, 2, day, hour).toISOString();
const newest: ListSort = { key: 'updated', direction: 'desc' };

const today1 = sampleSummary('r', 't1', { updatedAt: local(10, 9), projectPath: '/w/parser', title: 'b' });
const today2 = sampleSummary('r', 't2', { updatedAt: local(10, 8), projectPath: '/w/store', title: 'a' });
const yesterday = sampleSummary('r', 'y', { updatedAt: local(9), projectPath: '/w/parser', title: 'c' });
const older = sampleSummary('r', 'o', { updatedAt: local(2), projectPath: null, title: 'd' });
const undated = sampleSummary('r', 'u', { updatedAt: null, projectPath: null, title: 'e' });
const all = [today1, today2, yesterday, older, undated];

const shape = (rows: ListRow[]) =>
  rows.map((row) => (row.kind === 'group' ? `# ${row.label} (${row.count})` : row.session.ref.id));

describe('groupRows', () => {
  it('gives plain rows without grouping', () => {
    expect(shape(groupRows(sortSessions(all, newest), 'none', newest, now))).toEqual([
      't1',
      't2',
      'y',
      'o',
      'u',
    ]);
  });

  it('groups by day, newest day first, undated last', () => {
    const rows = groupRows(sortSessions(all, newest), 'day', newest, now);
    expect(shape(rows)).toEqual([
      '# Today (2)',
      't1',
      't2',
      '# Yesterday (1)',
      'y',
      `# ${dayLabel('2026-03-02', now)} (1)`,
      'o',
      '# No date (1)',
      'u',
    ]);
  });

  it('runs days oldest first when the list is sorted oldest first, and keeps the sort within a day', () => {
    const oldest: ListSort = { key: 'updated', direction: 'asc' };
    expect(
      shape(groupRows(sortSessions(all, oldest), 'day', oldest, now)).filter((r) => !r.startsWith('#')),
    ).toEqual(['o', 'y', 't2', 't1', 'u']);
    const byTitle: ListSort = { key: 'title', direction: 'asc' };
    expect(shape(groupRows(sortSessions(all, byTitle), 'day', byTitle, now)).slice(0, 3)).toEqual([
      '# Today (2)',
      't2',
      't1',
    ]);
  });

  it('groups by project A to Z, sessions without one last', () => {
    expect(shape(groupRows(sortSessions(all, newest), 'project', newest, now))).toEqual([
      '# …/w/parser (2)'.replace('…/w/parser', '/w/parser'),
      't1',
      'y',
      '# /w/store (1)',
      't2',
      '# No project (2)',
      'o',
      'u',
    ]);
  });

  it('shows every session exactly once, each header counting the rows under it', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
        project: fc.constantFrom(null, '/a', '/b/c/d'),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('day' as const, 'project' as const), (specs, group) => {
        const sessions = specs.map((s) =>
          sampleSummary('r', s.id, {
            updatedAt: s.day === null ? null : local(s.day),
            projectPath: s.project,
          }),
        );
        const rows = groupRows(sortSessions(sessions, newest), group, newest, now);
        const shown = rows.flatMap((row) => (row.kind === 'session' ? [row.session.ref.id] : []));
        expect([...shown].sort()).toEqual(sessions.map((s) => s.ref.id).sort());
        rows.forEach((row, i) => {
          if (row.kind !== 'group') return;
          const next = rows.slice(i + 1).findIndex((r) => r.kind === 'group');
          expect(next === -1 ? rows.length - i - 1 : next).toBe(row.count);
        });
      }),
    );
  });
});

describe('dayLabel', () => {
  it('says today and yesterday in words and any other day as a date', () => {
    expect(dayLabel('2026-03-10', now)).toBe('Today');
    expect(dayLabel('2026-03-09', now)).toBe('Yesterday');
    expect(dayLabel('2026-03-02', now)).toMatch(/2026/);
  });
});
