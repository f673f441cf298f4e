import { useVirtualizer } from '@tanstack/react-virtual';
import { BrushCleaning } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { useNow } from '../../lib/useNow';
import type { SessionRef, SessionSummary } from '../../../shared/model';
import { refKey, selectedSessions } from '../../store/selectionSlice';
import { sameRef } from '../../store/sessionSlice';
import { useAppStore } from '../../store/store';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';
import { cursorStep } from '../keyboard/cursorStep';
import { provideListNavigator } from '../keyboard/listNavigator';
import { cleanableRoots } from './cleanup';
import { FilterBar } from './FilterBar';
import { PlacesBar } from './PlacesBar';
import { filterSessions, hasRunStates, runStatus } from './runStatus';
import { SelectionBar } from './SelectionBar';
import { SessionRow } from './SessionRow';

const rowHeight = 68;
/** Elapsed times are shown in minutes, so the list need not move more often than this. */
const tickMs = 15_000;

const indexOf = (rows: readonly SessionSummary[], ref: SessionRef | null) =>
  rows.findIndex((session) => sameRef(session.ref, ref));

/** Every session of every root, newest first, virtualised so 10,000 rows scroll like 10. */
export function SessionList() {
  const sessions = useAppStore((state) => state.sessions);
  const roots = useAppStore((state) => state.roots);
  const chosenFilter = useAppStore((state) => state.runFilter);
  const stuckMinutes = useAppStore((state) => state.stuckMinutes);
  const clearFilter = useAppStore((state) => state.clearRunFilter);
  const openCleanup = useAppStore((state) => state.openCleanup);
  const searching = useAppStore((state) => state.searchQuery.trim() !== '');
  const clearSearch = useAppStore((state) => state.clearSearch);
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
  const selection = useAppStore((state) => state.selection);
  const selected = useMemo(() => selectedSessions(sessions, selection).length, [sessions, selection]);
  /** What a shift-click range runs over: the rows shown that can be selected at all. */
  const order = useMemo(
    () => visible.filter((session) => session.capabilities.delete).map((session) => refKey(session.ref)),
    [visible],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const searchResults = useRef<HTMLDivElement>(null);
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
  useEffect(
    () =>
      provideListNavigator({
        step(by) {
          // The rows are hidden while search results show; those are reached with Tab and arrows.
          if (searching) return;
          const { cursor, openRef, setCursor } = useAppStore.getState();
          const at = cursorStep(indexOf(visible, cursor ?? openRef), visible.length, by);
          const session = at === null ? undefined : visible[at];
          if (at === null || !session) return;
          virtualizer.scrollToIndex(at);
          setCursor(session.ref, true);
        },
        reveal(ref) {
          const at = indexOf(visible, ref);
          if (searching || at < 0) return false;
          virtualizer.scrollToIndex(at);
          return true;
        },
        neighbour(ref) {
          const at = indexOf(visible, ref);
          if (at < 0) return null;
          return (visible[at + 1] ?? visible[at - 1])?.ref ?? null;
        },
      }),
    [visible, searching, virtualizer],
  );
  const searchKeys = { inputRef: searchInput, resultsRef: searchResults, onLeave: leaveSearch };

  // Esc in the search gives the keyboard back to the list: to its open (or first) row, once the
  // virtualiser has laid rows out again in the list it hid while the results showed.
  const refocusList = useRef(false);
  function leaveSearch() {
    refocusList.current = true;
    clearSearch();
  }
  useEffect(() => {
    if (!refocusList.current || searching) return;
    if (visible.length === 0) {
      refocusList.current = false;
      return;
    }
    const rows = scroller.current;
    const row =
      rows?.querySelector<HTMLElement>('.row-main[aria-current]') ??
      rows?.querySelector<HTMLElement>('.row-main');
    if (!row) return;
    refocusList.current = false;
    row.focus();
  });

  return (
    <nav className={`session-list${selected > 0 ? ' selecting' : ''}`} aria-label="Sessions">
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
      <PlacesBar />
      <SearchBox {...searchKeys} />
      {searching && <SearchResults {...searchKeys} />}
      {!searching && showFilters && <FilterBar running={running} stuck={stuck} />}
      <div className="scroller" ref={scroller} hidden={searching}>
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
                  order={order}
                  style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                />
              );
            })}
          </ul>
        )}
      </div>
      {selected > 0 && <SelectionBar count={selected} />}
    </nav>
  );
}
