import type { SessionSummary } from '../../../shared/model';

/**
 * What the list says about a session's current turn. Stuck is not something an agent records:
 * it is a running turn that started longer ago than the user's threshold, judged here the same
 * way ZeroClaw's list_stuck_sessions judges it (turn_started_at < now - threshold).
 */
export type RunStatus =
  | { kind: 'idle' }
  | { kind: 'error' }
  | { kind: 'running' | 'stuck'; since: string | null; elapsedMs: number | null };

export type RunFilter = 'all' | 'running' | 'stuck';

export function runStatus(session: SessionSummary, thresholdMs: number, now: number): RunStatus {
  const state = session.state;
  if (!state || state.state === 'idle') return { kind: 'idle' };
  if (state.state === 'error') return { kind: 'error' };
  const started = state.turnStartedAt ? Date.parse(state.turnStartedAt) : Number.NaN;
  if (Number.isNaN(started)) return { kind: 'running', since: null, elapsedMs: null };
  const elapsedMs = now - started;
  return { kind: elapsedMs > thresholdMs ? 'stuck' : 'running', since: state.turnStartedAt, elapsedMs };
}

/** "Running" means every running turn, stuck ones included: a stuck turn has not stopped. */
export function matchesFilter(status: RunStatus, filter: RunFilter): boolean {
  if (filter === 'running') return status.kind === 'running' || status.kind === 'stuck';
  if (filter === 'stuck') return status.kind === 'stuck';
  return true;
}

export interface FilteredSessions {
  visible: SessionSummary[];
  running: number;
  stuck: number;
}

export function filterSessions(
  sessions: SessionSummary[],
  filter: RunFilter,
  thresholdMs: number,
  now: number,
): FilteredSessions {
  const visible: SessionSummary[] = [];
  let running = 0;
  let stuck = 0;
  for (const session of sessions) {
    const status = runStatus(session, thresholdMs, now);
    if (matchesFilter(status, 'running')) running++;
    if (status.kind === 'stuck') stuck++;
    if (matchesFilter(status, filter)) visible.push(session);
  }
  return { visible, running, stuck };
}

/** The filter bar is for formats that record a run state; elsewhere it would only be noise. */
export function hasRunStates(sessions: SessionSummary[]): boolean {
  return sessions.some((session) => session.state !== null);
}
