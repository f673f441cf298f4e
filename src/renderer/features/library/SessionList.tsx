import { useVirtualizer } from '@tanstack/react-virtual';
import { BrushCleaning } from 'lucide-react';
import { useMemo, useRef } from 'react';
import { useNow } from '../../lib/useNow';
import { useAppStore } from '../../store/store';
import { cleanableRoots } from './cleanup';
import { FilterBar } from './FilterBar';
import { filterSessions, hasRunStates, runStatus } from './runStatus';
import { SessionRow } from './SessionRow';

const rowHeight = 68;
/** Elapsed times are shown in minutes, so the list need not move more often than this. */
const tickMs = 15_000;

/** Every session of every root, newest first, virtualised so 10,000 rows scroll like 10. */
export function SessionList() {
  const sessions = useAppStore((state) => state.sessions);
  const roots = useAppStore((state) => state.roots);
  const chosenFilter = useAppStore((state) => state.runFilter);
  const stuckMinutes = useAppStore((state) => state.stuckMinutes);
  const clearFilter = useAppStore((state) => state.clearRunFilter);
  const openCleanup = useAppStore((state) => state.openCleanup);
  const now = useNow(tickMs);
  const thresholdMs = stuckMinutes * 60_000;
  const showFilters = hasRunStates(sessions);
  // A filter left on from sessions that no longer have a state must not hide everything.
  const filter = showFilters ? chosenFilter : 'all';
  const { visible, running, stuck } = useMemo(
    () => filterSessions(sessions, filter, thresholdMs, now),
    [sessions, filter, thresholdMs, now],
  );
  const canClean = cleanableRoots(roots).length > 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const countLabel =
    filter === 'all'
      ? `${sessions.length} sessions`
      : `${visible.length} of ${sessions.length} sessions shown`;

  return (
    <nav className="session-list" aria-label="Sessions">
      <div className="pane-header">
        <h2>Sessions</h2>
        <div className="pane-end">
          {canClean && (
            <button
              type="button"
              className="quiet"
              aria-label="Clean up stale sessions…"
              title="Move sessions idle for longer than a time you choose to the trash"
              onClick={openCleanup}
            >
              <BrushCleaning size={14} aria-hidden="true" /> Clean up…
            </button>
          )}
          <span className="count" aria-label={countLabel}>
            {filter === 'all' ? sessions.length : `${visible.length} / ${sessions.length}`}
          </span>
        </div>
      </div>
      {showFilters && <FilterBar running={running} stuck={stuck} />}
      <div className="scroller" ref={scroller}>
        {visible.length === 0 && filter !== 'all' ? (
          <div className="list-empty">
            <p>No {filter} sessions right now.</p>
            <button type="button" onClick={clearFilter}>
              Show all sessions
            </button>
          </div>
        ) : (
          <ul style={{ height: virtualizer.getTotalSize() }} role="list">
            {virtualizer.getVirtualItems().map((item) => {
              const session = visible[item.index];
              if (!session) return null;
              return (
                <SessionRow
                  key={`${session.ref.root}/${session.ref.id}`}
                  session={session}
                  status={runStatus(session, thresholdMs, now)}
                  style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                />
              );
            })}
          </ul>
        )}
      </div>
    </nav>
  );
}
