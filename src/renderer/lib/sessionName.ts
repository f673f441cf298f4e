import type { SessionSummary } from '../../shared/model';

/**
 * The agent's original key where the title does not already say it: a session named by the
 * user still shows the key the agent files it under (ZeroClaw's files carry a lossy copy of it).
 */
export function keyBesideName(session: Pick<SessionSummary, 'title' | 'key'>): string | null {
  return session.key && session.key !== session.title ? session.key : null;
}
