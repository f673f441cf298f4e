import { AlertTriangle, Database } from 'lucide-react';
import type { SessionSummary } from '../../../shared/model';
import { keyBesideName } from '../../lib/sessionName';
import { counted } from '../../lib/words';
import type { RunStatus } from './runStatus';
import { StateBadge } from './StateBadge';

interface Props {
  session: SessionSummary;
  /** The run state leads the line in the list; the session header shows it apart. */
  status?: RunStatus;
  unreadable?: boolean;
}

/**
 * What sets a session apart: its run state, SQLite storage, unreadable lines, original key. The
 * session header says unreadable lines in a notice of its own, so it can leave them out here.
 */
export function SessionFlags({ session, status, unreadable: withUnreadable = true }: Props) {
  const key = keyBesideName(session);
  const sqlite = session.storage === 'sessions.db';
  const unreadable = withUnreadable ? session.health.unreadableLines : 0;
  const state = status && status.kind !== 'idle';
  if (!state && !key && !sqlite && unreadable === 0) return null;
  return (
    <span className="session-flags">
      {status && <StateBadge status={status} />}
      {sqlite && (
        <span className="flag" title="Stored in ZeroClaw’s sessions.db, not a .jsonl file">
          <Database size={11} aria-hidden="true" /> SQLite
        </span>
      )}
      {unreadable > 0 && (
        <span className="flag warn" title="Lines the agent skips when it loads this session">
          <AlertTriangle size={11} aria-hidden="true" /> {counted(unreadable, 'unreadable line')}
        </span>
      )}
      {key && (
        <code className="row-key" title="The session key as ZeroClaw knows it">
          {key}
        </code>
      )}
    </span>
  );
}
