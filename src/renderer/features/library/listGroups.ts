import type { SessionSummary } from '../../../shared/model';
import { localDay, projectKey, projectLabel } from './listFilters';
import type { ListSort } from './listOrder';

export const groupings = ['none', 'project', 'day'] as const;
export type ListGroup = (typeof groupings)[number];

export const groupLabels: Record<ListGroup, string> = { none: 'No grouping', project: 'Project', day: 'Day' };

export type ListRow =
  | { kind: 'group'; key: string; label: string; title: string; count: number }
  | { kind: 'session'; session: SessionSummary };

const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Today", "Yesterday", else the date; a day is a local calendar day, as a person counts them. */
export function dayLabel(day: string, now: number): string {
  if (day === localDay(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === localDay(yesterday.getTime())) return 'Yesterday';
  const [y, m, d] = day.split('-').map(Number);
  return longDay.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** The key of the group of sessions with no day, or no project: it always comes last. */
const missing = '';
const projects = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The rows of a sorted list with a header before each group. Within a group, sessions keep the
 * sort; days run newest first unless the list is sorted by that time oldest first; projects run
 * A to Z. Sessions with no day or no project come last.
 */
export function groupRows(
  sorted: readonly SessionSummary[],
  group: ListGroup,
  sort: ListSort,
  now: number,
): ListRow[] {
  if (group === 'none') return sorted.map((session) => ({ kind: 'session', session }));
  const byDayOf = sort.key === 'created' ? 'createdAt' : 'updatedAt';
  const keyOf = (session: SessionSummary) =>
    group === 'day' ? (localDay(session[byDayOf]) ?? missing) : projectKey(session);
  const buckets = new Map<string, SessionSummary[]>();
  for (const session of sorted) {
    const key = keyOf(session);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(session);
    else buckets.set(key, [session]);
  }
  const oldestFirst = sort.direction === 'asc' && (sort.key === 'updated' || sort.key === 'created');
  const keys = [...buckets.keys()].sort((a, b) => {
    if (a === missing || b === missing) return a === b ? 0 : a === missing ? 1 : -1;
    if (group === 'day') return oldestFirst ? (a < b ? -1 : 1) : a < b ? 1 : -1;
    return projects.compare(projectLabel(a), projectLabel(b)) || (a < b ? -1 : 1);
  });
  const rows: ListRow[] = [];
  for (const key of keys) {
    const members = buckets.get(key) ?? [];
    const label = group === 'day' ? (key === missing ? 'No date' : dayLabel(key, now)) : projectLabel(key);
    rows.push({
      kind: 'group',
      key,
      label,
      title: group === 'project' && key ? key : label,
      count: members.length,
    });
    for (const session of members) rows.push({ kind: 'session', session });
  }
  return rows;
}
