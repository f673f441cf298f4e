import type { StateCreator } from 'zustand';
import type { RunFilter } from '../features/library/runStatus';
import { defaultStuckMinutes, parseMinutes } from '../features/library/threshold';
import type { AppState } from './store';

const stuckMinutesKey = 'sessionscope.stuckMinutes';

export interface ListSlice {
  runFilter: RunFilter;
  /** A running turn older than this is shown as stuck; the user sets it in the filter bar. */
  stuckMinutes: number;
  /** Pressing the filter already on turns it off again, as a toggle button does. */
  toggleRunFilter(filter: Exclude<RunFilter, 'all'>): void;
  clearRunFilter(): void;
  setStuckMinutes(minutes: number): void;
}

export const createListSlice: StateCreator<AppState, [], [], ListSlice> = (set) => ({
  runFilter: 'all',
  stuckMinutes: parseMinutes(readSetting(stuckMinutesKey)) ?? defaultStuckMinutes,

  toggleRunFilter(filter) {
    set((state) => ({ runFilter: state.runFilter === filter ? 'all' : filter }));
  },

  clearRunFilter() {
    set({ runFilter: 'all' });
  },

  setStuckMinutes(minutes) {
    set({ stuckMinutes: minutes });
    writeSetting(stuckMinutesKey, String(minutes));
  },
});

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
