import type { StateCreator } from 'zustand';
import type { FormatId } from '../../shared/model';
import { noFilters } from '../features/library/listFilters';
import type { ListFilters, StateFilter } from '../features/library/listFilters';
import type { ListGroup } from '../features/library/listGroups';
import type { ListSort } from '../features/library/listOrder';
import { listSettingsKey, parseListSettings, serializeListSettings } from '../features/library/listSettings';
import { defaultStuckMinutes, parseMinutes } from '../features/library/threshold';
import type { AppState } from './store';

const stuckMinutesKey = 'sessionscope.stuckMinutes';

/** What the sources pane narrows the list to: one folder, one format or one project. */
export type SourceField = Extract<keyof ListFilters, 'root' | 'format' | 'project'>;

export interface ListSlice {
  listSort: ListSort;
  listGroup: ListGroup;
  listFilters: ListFilters;
  /** A running turn older than this is shown as stuck; the user sets it in the filter bar. */
  stuckMinutes: number;
  setListSort(sort: ListSort): void;
  setListGroup(group: ListGroup): void;
  setListFilters(patch: Partial<ListFilters>): void;
  clearListFilters(): void;
  /** Choosing the source already chosen shows every session again, as a toggle button does. */
  toggleSource(field: SourceField, value: string | FormatId): void;
  /** Pressing the run-state filter already on turns it off again. */
  toggleRunFilter(filter: Extract<StateFilter, 'running' | 'stuck'>): void;
  setStuckMinutes(minutes: number): void;
}

export const createListSlice: StateCreator<AppState, [], [], ListSlice> = (set, get) => {
  const saved = parseListSettings(readSetting(listSettingsKey));
  const remember = () => {
    const { listSort: sort, listGroup: group, listFilters: filters } = get();
    writeSetting(listSettingsKey, serializeListSettings({ sort, group, filters }));
  };
  const setFilters = (filters: ListFilters) => {
    set({ listFilters: filters });
    remember();
  };

  return {
    listSort: saved.sort,
    listGroup: saved.group,
    listFilters: saved.filters,
    stuckMinutes: parseMinutes(readSetting(stuckMinutesKey)) ?? defaultStuckMinutes,

    setListSort(sort) {
      set({ listSort: sort });
      remember();
    },

    setListGroup(group) {
      set({ listGroup: group });
      remember();
    },

    setListFilters(patch) {
      setFilters({ ...get().listFilters, ...patch });
    },

    clearListFilters() {
      setFilters(noFilters);
    },

    toggleSource(field, value) {
      const filters = get().listFilters;
      setFilters({ ...filters, [field]: filters[field] === value ? null : value });
    },

    toggleRunFilter(filter) {
      const filters = get().listFilters;
      setFilters({ ...filters, state: filters.state === filter ? 'all' : filter });
    },

    setStuckMinutes(minutes) {
      set({ stuckMinutes: minutes });
      writeSetting(stuckMinutesKey, String(minutes));
    },
  };
};

/** A display preference, kept per machine; storage that is off or full only costs the memory of it. */
function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeSetting(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Kept for this window only; see readSetting.
  }
}
