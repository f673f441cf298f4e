import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RootInfo } from '../../../shared/model';
import { sampleSummary } from '../../../shared/testkit';
import { countSources } from './sourceCounts';

const root = (id: string, format: RootInfo['format']): RootInfo => ({
  id,
  path: `/data/${id}`,
  format,
  origin: 'added',
  exists: true,
  readOnly: false,
});

describe('countSources', () => {
  const roots = [root('r1', 'orcs'), root('r2', 'yoi'), root('empty', 'zeroclaw')];
  const sessions = [
    sampleSummary('r1', 'a', { format: 'orcs', projectPath: '/w/parser' }),
    sampleSummary('r1', 'b', { format: 'orcs', projectPath: '/w/parser' }),
    sampleSummary('r1', 'c', { format: 'orcs', projectPath: '/w/store' }),
    sampleSummary('r2', 'd', { format: 'yoi', projectPath: null }),
  ];

  it('counts each root, an empty one as 0', () => {
    expect(countSources(roots, sessions).roots.map((r) => [r.root.id, r.count])).toEqual([
      ['r1', 3],
      ['r2', 1],
      ['empty', 0],
    ]);
  });

  it('counts formats in the app’s order, a format with a root but no sessions too', () => {
    expect(countSources(roots, sessions).formats).toEqual([
      { format: 'orcs', count: 3 },
      { format: 'zeroclaw', count: 0 },
      { format: 'yoi', count: 1 },
    ]);
    expect(countSources([], sessions).formats.map((f) => f.format)).toEqual(['orcs', 'yoi']);
  });

  it('counts projects busiest first, no project last', () => {
    expect(countSources(roots, sessions).projects).toEqual([
      { key: '/w/parser', label: '/w/parser', count: 2 },
      { key: '/w/store', label: '/w/store', count: 1 },
      { key: '', label: 'No project', count: 1 },
    ]);
  });

  it('counts every session once in each list', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        root: fc.constantFrom('r1', 'r2'),
        format: fc.constantFrom('orcs' as const, 'yoi' as const, 'zeroclaw' as const),
        project: fc.constantFrom(null, '/a', '/a/b/c/d'),
      }),
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const list = specs.map((s) =>
          sampleSummary(s.root, s.id, { format: s.format, projectPath: s.project }),
        );
        const counted = countSources([root('r1', 'orcs'), root('r2', 'yoi')], list);
        const sum = (items: { count: number }[]) => items.reduce((total, item) => total + item.count, 0);
        expect(sum(counted.roots)).toBe(list.length);
        expect(sum(counted.formats)).toBe(list.length);
        expect(sum(counted.projects)).toBe(list.length);
      }),
    );
  });
});
