import { AlertTriangle } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { activeFilterCount } from './filters';
import { hitButtons } from './hitFocus';
import type { SearchKeys } from './hitFocus';
import { ResultGroup } from './ResultGroup';

/** What the session list shows while a query is typed: the matching sessions, best first. */
export function SearchResults({ inputRef, resultsRef, onLeave }: SearchKeys) {
  const status = useAppStore((state) => state.searchStatus);
  const response = useAppStore((state) => state.searchResponse);
  const error = useAppStore((state) => state.searchError);
  const filtered = useAppStore((state) => activeFilterCount(state.searchFilters) > 0);
  const clearFilters = useAppStore((state) => state.clearSearchFilters);
  const indexing = useAppStore((state) => !!state.indexStatus && state.indexStatus.phase !== 'idle');

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const hits = hitButtons(resultsRef.current);
    const at = hits.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? hits[Math.min(at + 1, hits.length - 1)] : hits[at - 1];
    (next ?? inputRef.current)?.focus();
  }

  return (
    <div
      className="search-results"
      ref={resultsRef}
      aria-label="Search results"
      aria-busy={status === 'loading'}
      onKeyDown={onKeyDown}
      role="region"
    >
      {status === 'error' && (
        <p className="notice danger search-error" role="alert">
          <AlertTriangle size={14} aria-hidden="true" /> Search failed: {error}
        </p>
      )}
      {response === null && status === 'loading' && <p className="search-note">Searching…</p>}
      {response?.capped && (
        <p className="search-note">
          The query was too long and was cut to its first {counted(response.query.length, 'character')}.
        </p>
      )}
      {indexing && <p className="search-note">Still indexing: results may be incomplete.</p>}
      {response?.searchedFrom && (
        <p className="search-note">
          Only matches from {response.searchedFrom} on were searched: the older ones would take too long with
          these filters. Narrow the words or the dates to reach further back.
        </p>
      )}
      {response && response.groups.length === 0 && (
        <div className="list-empty">
          <p>
            No sessions match <q>{shortened(response.query)}</q>
            {filtered ? ' with these filters.' : '.'}
          </p>
          {filtered && (
            <button type="button" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {response && response.groups.length > 0 && (
        <>
          <ul className="result-groups" aria-label={counted(response.groups.length, 'matching session')}>
            {response.groups.map((group) => (
              <ResultGroup key={`${group.session.ref.root}/${group.session.ref.id}`} group={group} />
            ))}
          </ul>
          <p className="search-note">
            Tool results are searched up to {Math.round(response.toolResultCap / 1024)} KB each.
          </p>
        </>
      )}
    </div>
  );
}

/** A query echoed back whole would fill the pane; its start is enough to recognise it. */
function shortened(query: string): string {
  const characters = Array.from(query.trim());
  return characters.length > 80 ? `${characters.slice(0, 80).join('')}…` : characters.join('');
}
