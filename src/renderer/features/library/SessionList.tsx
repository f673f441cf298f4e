import { useVirtualizer } from '@tanstack/react-virtual';
import { BrushCleaning } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { useNow } from '../../lib/useNow';
import { useScrollMemory } from '../../lib/scrollMemory';
import type { SessionRef, SessionSummary } from '../../../shared/model';
import { refKey, selectedSessions } from '../../store/selectionSlice';
import { sameRef } from '../../store/sessionSlice';
import { useAppStore } from '../../store/store';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';
import { cursorStep } from '../keyboard/cursorStep';
import { provideListNavigator } from '../keyboard/listNavigator';
import { countSources } from '../sources/sourceCounts';
import { cleanableRoots } from './cleanup';
import { FilterBar } from './FilterBar';
import { ListControls } from './ListControls';
import { activeFilterCount, matchesFilters, stateLabels } from './listFilters';
import { groupRows } from './listGroups';
import type { ListRow } from './listGroups';
import { sortSessions } from './listOrder';
import { PlacesBar } from './PlacesBar';
import { filterSessions, hasRunStates, runStatus } from './runStatus';
import { SelectionBar } from './SelectionBar';
import { SessionRow } from './SessionRow';

const rowHeight = 68;
const headerHeight = 30;
/** Elapsed times are shown in minutes, so the list need not move more often than this. */
const tickMs = 15_000;

const indexOf = (rows: readonly SessionSummary[], ref: SessionRef | null) =>
  rows.findIndex((session) => sameRef(session.ref, ref));

const rowKey = (row: ListRow) =>
  row.kind === 'group' ? `group:${row.key}` : `${row.session.ref.root}/${row.session.ref.id}`;

/**
 * Every session of every root, sorted, grouped and filtered as the user chose, virtualised so
 * 10,000 rows scroll like 10.
 */
export function SessionList() {
  const sessions = useAppStore((state) => state.sessions);
  const roots = useAppStore((state) => state.roots);
  const chosenFilters = useAppStore((state) => state.listFilters);
  const sort = useAppStore((state) => state.listSort);
  const group = useAppStore((state) => state.listGroup);
  const stuckMinutes = useAppStore((state) => state.stuckMinutes);
  const clearFilters = useAppStore((state) => state.clearListFilters);
  const openCleanup = useAppStore((state) => state.openCleanup);
  const searching = useAppStore((state) => state.searchQuery.trim() !== '');
  const clearSearch = useAppStore((state) => state.clearSearch);
  const now = useNow(tickMs);
  const thresholdMs = stuckMinutes * 60_000;
  const showRunFilters = hasRunStates(sessions);
  // A state filter left on from sessions that no longer have a state must not hide everything.
  const filters = useMemo(
    () => (showRunFilters ? chosenFilters : { ...chosenFilters, state: 'all' as const }),
    [chosenFilters, showRunFilters],
  );
  const filtering = activeFilterCount(filters) > 0;
  const { running, stuck } = useMemo(
    () => filterSessions(sessions, 'all', thresholdMs, now),
    [sessions, thresholdMs, now],
  );
  const sources = useMemo(() => countSources(roots, sessions), [roots, sessions]);
  const rows = useMemo(() => {
    const kept = sessions.filter((session) =>
      matchesFilters(session, filters, runStatus(session, thresholdMs, now)),
    );
    return groupRows(sortSessions(kept, sort), group, sort, now);
  }, [sessions, filters, thresholdMs, now, sort, group]);
  /** The sessions in the order they show, group headers left out: what the keys walk through. */
  const visible = useMemo(() => rows.flatMap((row) => (row.kind === 'session' ? [row.session] : [])), [rows]);
  /** Where each shown session sits among the rows, headers counted, for the virtualiser. */
  const rowIndex = useMemo(() => {
    const at: number[] = [];
    rows.forEach((row, i) => row.kind === 'session' && at.push(i));
    return at;
  }, [rows]);
  const canClean = cleanableRoots(roots).length > 0;
  const selection = useAppStore((state) => state.selection);
  const selected = useMemo(() => selectedSessions(sessions, selection).length, [sessions, selection]);
  /** What a shift-click range runs over: the rows shown that can be selected at all. */
  const order = useMemo(
    () => visible.filter((session) => session.capabilities.delete).map((session) => refKey(session.ref)),
    [visible],
  );
  const scroller = useRef<HTMLDivElement>(null);
  useScrollMemory(scroller, 'sessions');
  const searchInput = useRef<HTMLInputElement>(null);
  const searchResults = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? headerHeight : rowHeight),
    getItemKey: (i) => (rows[i] ? rowKey(rows[i]) : i),
    overscan: 8,
  });
  // Sizes are estimated once per key; a header where a row was (or back) must be measured again.
  useEffect(() => virtualizer.measure(), [rows, virtualizer]);
  const countText = filtering
    ? `${visible.length} of ${sessions.length} sessions`
    : `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}`;
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
          virtualizer.scrollToIndex(rowIndex[at] ?? at);
          setCursor(session.ref, true);
        },
        reveal(ref) {
          const at = indexOf(visible, ref);
          if (searching || at < 0) return false;
          virtualizer.scrollToIndex(rowIndex[at] ?? at);
          return true;
        },
        neighbour(ref) {
          const at = indexOf(visible, ref);
          if (at < 0) return null;
          return (visible[at + 1] ?? visible[at - 1])?.ref ?? null;
        },
      }),
    [visible, rowIndex, searching, virtualizer],
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
    const list = scroller.current;
    const row =
      list?.querySelector<HTMLElement>('.row-main[aria-current]') ??
      list?.querySelector<HTMLElement>('.row-main');
    if (!row) return;
    refocusList.current = false;
    row.focus();
  });

  const onlyState = filtering && activeFilterCount({ ...filters, state: 'all' }) === 0;
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
          <span className="count" aria-label={countText}>
            {countText}
          </span>
        </div>
      </div>
      <PlacesBar />
      <SearchBox {...searchKeys} />
      {searching && <SearchResults {...searchKeys} />}
      {!searching && <ListControls sources={sources} withStates={showRunFilters} />}
      {!searching && showRunFilters && <FilterBar running={running} stuck={stuck} />}
      <div className="scroller" ref={scroller} hidden={searching}>
        {visible.length === 0 && filtering ? (
          <div className="list-empty">
            <p>
              {onlyState
                ? `No ${stateLabels[filters.state].toLowerCase()} sessions right now.`
                : 'No sessions match these filters.'}
            </p>
            <button type="button" onClick={clearFilters}>
              Show all sessions
            </button>
          </div>
        ) : (
          <ul style={{ height: virtualizer.getTotalSize() }} role="list">
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const style = { transform: `translateY(${item.start}px)`, height: item.size };
              if (row.kind === 'group') {
                return (
                  <li key={item.key} className="list-group-header" style={style}>
                    <h3 title={row.title}>
                      <span className="list-group-label">{row.label}</span>
                      <span className="list-group-count">
                        <span className="list-sr">, </span>
                        {row.count}
                        <span className="list-sr"> {row.count === 1 ? 'session' : 'sessions'}</span>
                      </span>
                    </h3>
                  </li>
                );
              }
              const { session } = row;
              return (
                <SessionRow
                  key={item.key}
                  session={session}
                  status={runStatus(session, thresholdMs, now)}
                  order={order}
                  style={style}
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
