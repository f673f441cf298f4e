import type { SessionSummary } from '../../../shared/model';
import { useNow } from '../../lib/useNow';
import { useAppStore } from '../../store/store';
import { runStatus } from '../library/runStatus';
import { StateBadge } from '../library/StateBadge';

const tickMs = 15_000;

/** The open session's run state, judged by the same threshold as the list. */
export function SessionState({ session }: { session: SessionSummary }) {
  const stuckMinutes = useAppStore((state) => state.stuckMinutes);
  const now = useNow(tickMs);
  return <StateBadge status={runStatus(session, stuckMinutes * 60_000, now)} />;
}
