import type { SessionSummary } from '../../shared/model';

/**
 * The name a person knows a session by: its own title, else the agent's original key (ZeroClaw
 * files are named after a sanitised, lossy copy of it), else the id the title falls back to.
 */
export function displayName(session: Pick<SessionSummary, 'title' | 'untitled' | 'key'>): string {
  return session.untitled && session.key ? session.key : session.title;
}

/** The original key where it says something the name shown does not. */
export function keyBesideName(session: Pick<SessionSummary, 'title' | 'untitled' | 'key'>): string | null {
  return session.key && session.key !== displayName(session) ? session.key : null;
}
