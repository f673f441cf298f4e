import { ArrowDownUp, Check, ListFilter, Rows3, X } from 'lucide-react';
import { useId } from 'react';
import { formatLabels } from '../../../shared/model';
import type { FormatId } from '../../../shared/model';
import { useAppStore } from '../../store/store';
import type { Sources } from '../sources/sourceCounts';
import { activeFilterCount, filterChips, stateFilters, stateLabels, withoutFilter } from './listFilters';
import type { StateFilter } from './listFilters';
import { groupings, groupLabels } from './listGroups';
import { directionLabel, naturalDirection, sortKeys, sortLabels } from './listOrder';
import type { SortDirection, SortKey } from './listOrder';
import { ListMenu } from './ListMenu';
import './listControls.css';

interface Props {
  sources: Sources;
  /** Whether any session records a run state; the state filter means nothing otherwise. */
  withStates: boolean;
}

/** Sort, group and filter for the session list, and the filters that are on, as chips to remove. */
export function ListControls({ sources, withStates }: Props) {
  const roots = useAppStore((state) => state.roots);
  const filters = useAppStore((state) => state.listFilters);
  const setFilters = useAppStore((state) => state.setListFilters);
  const clearFilters = useAppStore((state) => state.clearListFilters);
  const chips = filterChips(filters, roots);

  return (
    <div className="list-controls">
      <div className="list-toolbar" role="toolbar" aria-label="Arrange the list">
        <SortMenu />
        <GroupMenu />
        <ListMenu
          label={chips.length > 0 ? `Filter the list, ${chips.length} on` : 'Filter the list'}
          title="List filters"
          icon={<ListFilter size={13} aria-hidden="true" />}
          value={
            <>
              Filter
              {chips.length > 0 && <span className="filter-count">{chips.length}</span>}
            </>
          }
          active={chips.length > 0}
        >
          <FilterFields sources={sources} withStates={withStates} />
        </ListMenu>
      </div>
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.field} className="filter-chip">
              <span className="filter-chip-label" title={chip.label}>
                {chip.label}
              </span>
              <button
                type="button"
                className="icon"
                aria-label={`Remove filter ${chip.label}`}
                onClick={() => setFilters(withoutFilter(filters, chip.field))}
              >
                <X size={12} aria-hidden="true" />
              </button>
            </li>
          ))}
          {chips.length > 1 && (
            <li>
              <button type="button" className="link clear-chips" onClick={clearFilters}>
                Clear all
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function SortMenu() {
  const sort = useAppStore((state) => state.listSort);
  const setSort = useAppStore((state) => state.setListSort);
  const name = useId();
  const order = directionLabel(sort.key, sort.direction);
  return (
    <ListMenu
      label={`Sort: ${sortLabels[sort.key]}, ${order}`}
      title="Sort sessions"
      icon={<ArrowDownUp size={13} aria-hidden="true" />}
      value={sortLabels[sort.key]}
    >
      <fieldset className="menu-options">
        <legend>Sort by</legend>
        {sortKeys.map((key) => (
          <Option
            key={key}
            name={`${name}-key`}
            label={sortLabels[key]}
            checked={sort.key === key}
            onChoose={() => setSort({ key, direction: naturalDirection(key) })}
          />
        ))}
      </fieldset>
      <fieldset className="menu-options">
        <legend>Order</legend>
        {directionsFor(sort.key).map((direction) => (
          <Option
            key={direction}
            name={`${name}-direction`}
            label={directionLabel(sort.key, direction)}
            checked={sort.direction === direction}
            onChoose={() => setSort({ key: sort.key, direction })}
          />
        ))}
      </fieldset>
    </ListMenu>
  );
}

/** The key's natural direction first: "Newest first" above "Oldest first", "A to Z" above "Z to A". */
function directionsFor(key: SortKey): SortDirection[] {
  return naturalDirection(key) === 'desc' ? ['desc', 'asc'] : ['asc', 'desc'];
}

function GroupMenu() {
  const group = useAppStore((state) => state.listGroup);
  const setGroup = useAppStore((state) => state.setListGroup);
  const name = useId();
  return (
    <ListMenu
      label={group === 'none' ? 'Group: none' : `Group: ${groupLabels[group]}`}
      title="Group sessions"
      icon={<Rows3 size={13} aria-hidden="true" />}
      value={group === 'none' ? 'Group' : groupLabels[group]}
      active={group !== 'none'}
    >
      <fieldset className="menu-options">
        <legend>Group by</legend>
        {groupings.map((each) => (
          <Option
            key={each}
            name={name}
            label={groupLabels[each]}
            checked={group === each}
            onChoose={() => setGroup(each)}
          />
        ))}
      </fieldset>
    </ListMenu>
  );
}

function Option(props: { name: string; label: string; checked: boolean; onChoose(): void }) {
  return (
    <label className="menu-option">
      <input type="radio" name={props.name} checked={props.checked} onChange={props.onChoose} />
      <span>{props.label}</span>
      <Check size={13} aria-hidden="true" className="menu-check" />
    </label>
  );
}

function FilterFields({ sources, withStates }: Props) {
  const filters = useAppStore((state) => state.listFilters);
  const setFilters = useAppStore((state) => state.setListFilters);
  const clearFilters = useAppStore((state) => state.clearListFilters);
  const none = activeFilterCount(filters) === 0;
  return (
    <div className="menu-fields">
      <label>
        Format
        <select
          value={filters.format ?? ''}
          onChange={(event) => setFilters({ format: (event.target.value || null) as FormatId | null })}
        >
          <option value="">Any format</option>
          {sources.formats.map(({ format, count }) => (
            <option key={format} value={format}>
              {formatLabels[format]} ({count})
            </option>
          ))}
        </select>
      </label>
      <label>
        Project
        <select
          // Prefixed, so no project path, '' for none among them, can be taken for "any".
          value={filters.project === null ? 'any' : `p:${filters.project}`}
          onChange={(event) =>
            setFilters({ project: event.target.value === 'any' ? null : event.target.value.slice(2) })
          }
        >
          <option value="any">Any project</option>
          {sources.projects.map((project) => (
            <option key={project.key} value={`p:${project.key}`}>
              {project.label} ({project.count})
            </option>
          ))}
        </select>
      </label>
      {withStates && (
        <label>
          State
          <select
            value={filters.state}
            onChange={(event) => setFilters({ state: event.target.value as StateFilter })}
          >
            {stateFilters.map((state) => (
              <option key={state} value={state}>
                {stateLabels[state]}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="menu-range">
        <label>
          Updated from
          <input
            type="date"
            value={filters.updatedFrom ?? ''}
            max={filters.updatedTo ?? undefined}
            onChange={(event) => setFilters({ updatedFrom: event.target.value || null })}
          />
        </label>
        <label>
          Updated to
          <input
            type="date"
            value={filters.updatedTo ?? ''}
            min={filters.updatedFrom ?? undefined}
            onChange={(event) => setFilters({ updatedTo: event.target.value || null })}
          />
        </label>
      </div>
      <label className="menu-check-row">
        <input
          type="checkbox"
          checked={filters.unreadable}
          onChange={(event) => setFilters({ unreadable: event.target.checked })}
        />
        Has unreadable lines
      </label>
      <label className="menu-check-row">
        <input
          type="checkbox"
          checked={filters.failedTools}
          onChange={(event) => setFilters({ failedTools: event.target.checked })}
        />
        Has failed tool calls
      </label>
      <button type="button" className="quiet" disabled={none} onClick={clearFilters}>
        Clear all filters
      </button>
    </div>
  );
}
