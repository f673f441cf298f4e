import type { OrcsLearnedFact } from '../../../../shared/panels/orcs';

export type FactColumn = 'key' | 'value' | 'source' | 'confidence' | 'learnedAt';
export type SortDirection = 'ascending' | 'descending';
export interface FactSort {
  column: FactColumn;
  direction: SortDirection;
}

/** Numbers and times are asked "which are highest, newest?", so they descend on the first click. */
export function nextSort(current: FactSort | null, column: FactColumn): FactSort {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  const descendsFirst = column === 'confidence' || column === 'learnedAt';
  return { column, direction: descendsFirst ? 'descending' : 'ascending' };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Null sort means file order, which is the order ORCS learned them in. Facts with no time or an
 * unreadable confidence go last whichever way the column runs: they are not the "least" of
 * anything. Ties keep file order.
 */
export function sortFacts(facts: readonly OrcsLearnedFact[], sort: FactSort | null): OrcsLearnedFact[] {
  if (!sort) return [...facts];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { column } = sort;
  return [...facts].sort((a, b) => {
    if (column === 'confidence') return compareMissingLast(number(a.confidence), number(b.confidence), sign);
    if (column === 'learnedAt') return compareMissingLast(time(a.learnedAt), time(b.learnedAt), sign);
    return sign * collator.compare(a[column], b[column]);
  });
}

function compareMissingLast(a: number | null, b: number | null, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * (a - b);
}

function number(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function time(iso: string | null): number | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Every word of the query must appear in the key, the value or the source, in any case. */
export function filterFacts(facts: readonly OrcsLearnedFact[], query: string): OrcsLearnedFact[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...facts];
  return facts.filter((fact) => {
    const haystack = `${fact.key}\n${fact.value}\n${fact.source}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

/** Two decimals keep the column aligned; finer differences are not ones a person acts on. */
export function formatConfidence(confidence: number): string {
  return Number.isFinite(confidence) ? confidence.toFixed(2) : String(confidence);
}
