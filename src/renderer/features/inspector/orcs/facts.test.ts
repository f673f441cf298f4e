import { describe, expect, it } from 'vitest';
import type { OrcsLearnedFact } from '../../../../shared/panels/orcs';
import { confidenceLevel, filterFacts, formatConfidence, nextSort, sortFacts } from './facts';

function fact(key: string, value: string, source: string, confidence: number, learnedAt: string | null) {
  return { key, value, source, confidence, learnedAt } satisfies OrcsLearnedFact;
}

const facts = [
  fact('db', 'PostgreSQL 16', 'user', 1, '2025-11-22T08:00:00.000Z'),
  fact('test-runner', 'cargo nextest', 'inferred', 0.55, '2025-11-22T09:30:00.000Z'),
  fact('ci', 'GitHub Actions', 'README.md', 0.9, null),
  fact('Style', 'rustfmt defaults', 'inferred', 0.3, '2025-11-21T12:00:00.000Z'),
  fact('node10', 'Node 10', 'user', Number.NaN, '2025-11-20T12:00:00.000Z'),
  fact('node9', 'Node 9', 'user', 0.55, '2025-11-23T12:00:00.000Z'),
];
const keys = (list: OrcsLearnedFact[]) => list.map((each) => each.key);

describe('nextSort', () => {
  it('starts text columns ascending and number and time columns descending', () => {
    expect(nextSort(null, 'key')).toEqual({ column: 'key', direction: 'ascending' });
    expect(nextSort(null, 'source')).toEqual({ column: 'source', direction: 'ascending' });
    expect(nextSort(null, 'confidence')).toEqual({ column: 'confidence', direction: 'descending' });
    expect(nextSort(null, 'learnedAt')).toEqual({ column: 'learnedAt', direction: 'descending' });
  });

  it('flips the direction of the column already sorted, and starts afresh on another', () => {
    const byConfidence = nextSort(null, 'confidence');
    expect(nextSort(byConfidence, 'confidence').direction).toBe('ascending');
    expect(nextSort(nextSort(byConfidence, 'confidence'), 'confidence').direction).toBe('descending');
    expect(nextSort({ column: 'key', direction: 'descending' }, 'value').direction).toBe('ascending');
  });
});

describe('sortFacts', () => {
  it('keeps file order without a sort, and never changes its input', () => {
    const copy = [...facts];
    expect(sortFacts(facts, null)).toEqual(facts);
    sortFacts(facts, { column: 'key', direction: 'descending' });
    expect(facts).toEqual(copy);
  });

  it('sorts text case-insensitively and numbers in names by value', () => {
    expect(keys(sortFacts(facts, { column: 'key', direction: 'ascending' }))).toEqual([
      'ci',
      'db',
      'node9',
      'node10',
      'Style',
      'test-runner',
    ]);
    expect(keys(sortFacts(facts, { column: 'key', direction: 'descending' }))).toEqual([
      'test-runner',
      'Style',
      'node10',
      'node9',
      'db',
      'ci',
    ]);
  });

  it('sorts by confidence, ties in file order, an unreadable confidence last both ways', () => {
    expect(keys(sortFacts(facts, { column: 'confidence', direction: 'descending' }))).toEqual([
      'db',
      'ci',
      'test-runner',
      'node9',
      'Style',
      'node10',
    ]);
    expect(keys(sortFacts(facts, { column: 'confidence', direction: 'ascending' }))).toEqual([
      'Style',
      'test-runner',
      'node9',
      'ci',
      'db',
      'node10',
    ]);
  });

  it('sorts by time learned, with facts of unknown time last both ways', () => {
    expect(keys(sortFacts(facts, { column: 'learnedAt', direction: 'descending' }))).toEqual([
      'node9',
      'test-runner',
      'db',
      'Style',
      'node10',
      'ci',
    ]);
    expect(keys(sortFacts(facts, { column: 'learnedAt', direction: 'ascending' })).at(-1)).toBe('ci');
  });

  it('sorts by source and by value', () => {
    expect(keys(sortFacts(facts, { column: 'source', direction: 'ascending' }))).toEqual([
      'test-runner',
      'Style',
      'ci',
      'db',
      'node10',
      'node9',
    ]);
    expect(keys(sortFacts(facts, { column: 'value', direction: 'ascending' }))[0]).toBe('test-runner');
  });
});

describe('filterFacts', () => {
  it('matches any of key, value and source, ignoring case', () => {
    expect(keys(filterFacts(facts, 'POSTGRES'))).toEqual(['db']);
    expect(keys(filterFacts(facts, 'readme'))).toEqual(['ci']);
    expect(keys(filterFacts(facts, 'inferred'))).toEqual(['test-runner', 'Style']);
  });

  it('needs every word, wherever each one is', () => {
    expect(keys(filterFacts(facts, 'user node'))).toEqual(['node10', 'node9']);
    expect(keys(filterFacts(facts, '  user   10 '))).toEqual(['node10']);
    expect(filterFacts(facts, 'user nextest')).toEqual([]);
  });

  it('keeps everything for an empty or blank query', () => {
    expect(filterFacts(facts, '')).toEqual(facts);
    expect(filterFacts(facts, '   ')).toEqual(facts);
  });

  it('treats the query as text, not as a pattern', () => {
    expect(filterFacts([fact('a.b', 'x', 'y', 1, null), fact('axb', 'x', 'y', 1, null)], 'a.b')).toHaveLength(
      1,
    );
    expect(filterFacts(facts, '.*')).toEqual([]);
  });
});

describe('confidence', () => {
  it('bands into high, medium and low', () => {
    expect([1, 0.8, 0.79, 0.5, 0.49, 0].map(confidenceLevel)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ]);
  });

  it('prints two decimals, and anything unreadable as it is', () => {
    expect(formatConfidence(1)).toBe('1.00');
    expect(formatConfidence(0.855)).toBe('0.85');
    expect(formatConfidence(Number.NaN)).toBe('NaN');
  });
});
