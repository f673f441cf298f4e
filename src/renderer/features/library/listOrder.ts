import type { SessionSummary } from '../../../shared/model';

export const sortKeys = ['updated', 'created', 'title', 'size', 'turns'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'asc' | 'desc';

export interface ListSort {
  key: SortKey;
  direction: SortDirection;
}

export const defaultSort: ListSort = { key: 'updated', direction: 'desc' };

export const sortLabels: Record<SortKey, string> = {
  updated: 'Updated',
  created: 'Created',
  title: 'Title',
  size: 'Size',
  turns: 'Turns',
};

/** Names read A to Z; times, sizes and counts read largest first, which is what one sorts them for. */
export function naturalDirection(key: SortKey): SortDirection {
  return key === 'title' ? 'asc' : 'desc';
}

/** What "ascending" and "descending" mean for a key, in the words its menu uses. */
export function directionLabel(key: SortKey, direction: SortDirection): string {
  const words: Record<SortKey, [string, string]> = {
    updated: ['Oldest first', 'Newest first'],
    created: ['Oldest first', 'Newest first'],
    title: ['A to Z', 'Z to A'],
    size: ['Smallest first', 'Largest first'],
    turns: ['Fewest first', 'Most first'],
  };
  return words[key][direction === 'asc' ? 0 : 1];
}

const titles = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function timeOf(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function compareKey(a: SessionSummary, b: SessionSummary, key: SortKey): number {
  switch (key) {
    case 'title':
      return titles.compare(a.title, b.title);
    case 'size':
      return a.sizeBytes - b.sizeBytes;
    case 'turns':
      return a.turnCount - b.turnCount;
    case 'updated':
    case 'created': {
      const at = timeOf(key === 'updated' ? a.updatedAt : a.createdAt);
      const bt = timeOf(key === 'updated' ? b.updatedAt : b.createdAt);
      // Either way round, a session with no time says nothing about where it belongs: last.
      if (at === null || bt === null) return 0;
      return at - bt;
    }
  }
}

function missingTime(session: SessionSummary, key: SortKey): boolean {
  if (key === 'updated') return timeOf(session.updatedAt) === null;
  if (key === 'created') return timeOf(session.createdAt) === null;
  return false;
}

/** Ties break the same way whatever the sort, so a list never shuffles between two renders. */
function tieBreak(a: SessionSummary, b: SessionSummary): number {
  const newer = (timeOf(b.updatedAt) ?? -Infinity) - (timeOf(a.updatedAt) ?? -Infinity);
  if (newer !== 0 && !Number.isNaN(newer)) return newer > 0 ? 1 : -1;
  if (a.ref.id !== b.ref.id) return a.ref.id < b.ref.id ? -1 : 1;
  if (a.ref.root !== b.ref.root) return a.ref.root < b.ref.root ? -1 : 1;
  return 0;
}

export function compareSessions(sort: ListSort): (a: SessionSummary, b: SessionSummary) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const aMissing = missingTime(a, sort.key);
    const bMissing = missingTime(b, sort.key);
    if (aMissing !== bMissing) return aMissing ? 1 : -1;
    const byKey = compareKey(a, b, sort.key);
    if (byKey !== 0) return sign * Math.sign(byKey);
    return tieBreak(a, b);
  };
}

/** A sorted copy; the list from the store is left as it came. */
export function sortSessions(sessions: readonly SessionSummary[], sort: ListSort): SessionSummary[] {
  return [...sessions].sort(compareSessions(sort));
}
