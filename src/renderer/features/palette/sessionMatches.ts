import type { SessionSummary } from '../../../shared/model';

/** The palette shows this many sessions at most; typing more narrows them down. */
export const maxMatches = 50;

/**
 * The loaded sessions whose title holds every word typed, in the list's order (newest first).
 * With nothing typed: the newest when the person asked for sessions, else none, so the actions
 * stay in sight.
 */
export function sessionMatches(
  sessions: readonly SessionSummary[],
  query: string,
  browsing: boolean,
): SessionSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return browsing ? sessions.slice(0, maxMatches) : [];
  const found: SessionSummary[] = [];
  for (const session of sessions) {
    const title = session.title.toLowerCase();
    if (words.every((word) => title.includes(word))) found.push(session);
    if (found.length === maxMatches) break;
  }
  return found;
}

/**
 * How well a title answers the query, on cmdk's scale (0 to 1) so sessions and actions rank
 * together: the whole title above its start above anywhere in it.
 */
export function titleScore(title: string, query: string): number {
  const wanted = query.trim().toLowerCase();
  const have = title.toLowerCase();
  if (have === wanted) return 1;
  return have.startsWith(wanted) ? 0.9 : 0.6;
}
