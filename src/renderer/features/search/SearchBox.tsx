import { Search, SlidersHorizontal } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useAppStore } from '../../store/store';
import { activeFilterCount } from './filters';
import { hitButtons, isTyping } from './hitFocus';
import type { SearchKeys } from './hitFocus';
import { SearchFilterFields } from './SearchFilterFields';

/** The one search box, at the top of the session list; `/` reaches it from anywhere. */
export function SearchBox({ inputRef, resultsRef, onLeave }: SearchKeys) {
  const query = useAppStore((state) => state.searchQuery);
  const setQuery = useAppStore((state) => state.setSearchQuery);
  const filterCount = useAppStore((state) => activeFilterCount(state.searchFilters));
  const [showFilters, setShowFilters] = useState(false);
  const filtersId = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inputRef]);

  return (
    <div className="search" role="search">
      <div className="search-line">
        <label className="search-field">
          <Search size={14} aria-hidden="true" />
          <input
            ref={inputRef}
            type="search"
            placeholder="Search sessions"
            aria-label="Search sessions"
            aria-keyshortcuts="/"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Enter and Esc also confirm or cancel an IME composition; they are not ours then.
              if (event.nativeEvent.isComposing) return;
              if (event.key === 'Escape') {
                event.preventDefault();
                onLeave();
              } else if (event.key === 'ArrowDown') {
                event.preventDefault();
                hitButtons(resultsRef.current)[0]?.focus();
              } else if (event.key === 'Enter') {
                hitButtons(resultsRef.current)[0]?.click();
              }
            }}
          />
        </label>
        <button
          type="button"
          className="quiet filters-button"
          aria-expanded={showFilters}
          aria-controls={filtersId}
          aria-label={filterCount ? `Filters, ${filterCount} on` : 'Filters'}
          onClick={() => setShowFilters(!showFilters)}
        >
          <SlidersHorizontal size={13} aria-hidden="true" /> Filters
          {filterCount > 0 && <span className="filter-count">{filterCount}</span>}
        </button>
      </div>
      {showFilters && <SearchFilterFields id={filtersId} />}
    </div>
  );
}
