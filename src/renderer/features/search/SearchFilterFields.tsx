import { formatIds, formatLabels, runStates } from '../../../shared/model';
import type { FormatId, RunState } from '../../../shared/model';
import { useAppStore } from '../../store/store';
import { activeFilterCount, withFilter } from './filters';

/** Roles as the formats write them; tool results and runtime notices are searched as these too. */
const roles = ['user', 'assistant', 'system', 'tool'];

/** Filters for the search, one choice each; the narrow pane has no room for lists of checkboxes. */
export function SearchFilterFields({ id }: { id: string }) {
  const filters = useAppStore((state) => state.searchFilters);
  const setFilters = useAppStore((state) => state.setSearchFilters);
  const roots = useAppStore((state) => state.roots);
  const clear = useAppStore((state) => state.clearSearchFilters);
  const count = activeFilterCount(filters);

  return (
    <fieldset className="search-filters" id={id} aria-label="Search filters">
      <label>
        <span>Format</span>
        <select
          value={filters.formats?.[0] ?? ''}
          onChange={(event) =>
            setFilters(
              withFilter(filters, 'formats', event.target.value ? [event.target.value as FormatId] : []),
            )
          }
        >
          <option value="">Any</option>
          {formatIds.map((format) => (
            <option key={format} value={format}>
              {formatLabels[format]}
            </option>
          ))}
        </select>
      </label>
      {roots.length > 1 && (
        <label>
          <span>Root</span>
          <select
            value={filters.roots?.[0] ?? ''}
            onChange={(event) =>
              setFilters(withFilter(filters, 'roots', event.target.value ? [event.target.value] : []))
            }
          >
            <option value="">Any</option>
            {roots.map((root) => (
              <option key={root.id} value={root.id} title={root.path}>
                {root.path.split(/[\\/]/).filter(Boolean).pop() ?? root.path}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>Role</span>
        <select
          value={filters.roles?.[0] ?? ''}
          onChange={(event) =>
            setFilters(withFilter(filters, 'roles', event.target.value ? [event.target.value] : []))
          }
        >
          <option value="">Any</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Run state</span>
        <select
          value={filters.states?.[0] ?? ''}
          onChange={(event) =>
            setFilters(
              withFilter(filters, 'states', event.target.value ? [event.target.value as RunState] : []),
            )
          }
        >
          <option value="">Any</option>
          {runStates.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </select>
      </label>
      <label className="wide">
        <span>Tool name</span>
        <input
          type="text"
          maxLength={200}
          spellCheck={false}
          value={filters.tool ?? ''}
          onChange={(event) => setFilters(withFilter(filters, 'tool', event.target.value))}
        />
      </label>
      <label>
        <span>From</span>
        <input
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => setFilters(withFilter(filters, 'from', event.target.value))}
        />
      </label>
      <label>
        <span>To</span>
        <input
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => setFilters(withFilter(filters, 'to', event.target.value))}
        />
      </label>
      <label className="check wide">
        <input
          type="checkbox"
          checked={filters.toolFailed ?? false}
          onChange={(event) => setFilters(withFilter(filters, 'toolFailed', event.target.checked))}
        />
        <span>Only failed tool calls</span>
      </label>
      <button type="button" className="quiet wide" onClick={clear} disabled={count === 0}>
        Clear filters
      </button>
    </fieldset>
  );
}
