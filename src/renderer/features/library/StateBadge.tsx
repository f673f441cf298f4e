import { AlertOctagon, Hourglass } from 'lucide-react';
import { formatElapsed } from '../../lib/duration';
import { absoluteTime } from '../../lib/time';
import type { RunStatus } from './runStatus';

/** Running, stuck or error; idle is the usual case and says nothing. */
export function StateBadge({ status }: { status: RunStatus }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'error') {
    return (
      <span className="state-badge error" title="The agent recorded an error on its last turn">
        <AlertOctagon size={12} aria-hidden="true" /> Error
      </span>
    );
  }
  const elapsed = status.elapsedMs === null ? null : formatElapsed(status.elapsedMs);
  const title = status.since ? `Turn started ${absoluteTime(status.since)}` : 'The turn has no start time';
  if (status.kind === 'stuck') {
    return (
      <span className="state-badge stuck" title={title}>
        <Hourglass size={12} aria-hidden="true" /> Stuck for {elapsed}
      </span>
    );
  }
  return (
    <span className="state-badge running" title={title}>
      <span className="pulse" aria-hidden="true" /> Running{elapsed ? ` for ${elapsed}` : ''}
    </span>
  );
}
