import type { StateCreator } from 'zustand';
import type { IndexStatus, SearchFilters, SearchResponse } from '../../shared/search';
import { client } from '../api';
import { messageOf } from './messages';
import type { AppState } from './store';

/** Long enough to let a word be typed, short enough that results follow the typing. */
const debounceMs = 150;
/** Sessions asked for per search; the pane shows them all. */
const sessionLimit = 50;

export interface SearchSlice {
  searchQuery: string;
  searchFilters: SearchFilters;
  searchStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** The answer to the latest query that has answered; kept while a newer one runs. */
  searchResponse: SearchResponse | null;
  searchError: string | null;
  indexStatus: IndexStatus | null;
  indexError: string | null;
  setSearchQuery(query: string): void;
  setSearchFilters(filters: SearchFilters): void;
  clearSearchFilters(): void;
  clearSearch(): void;
  /** Asks again after the files changed, keeping the results shown until the answer comes. */
  refreshSearch(): void;
  loadIndexStatus(): Promise<void>;
  setIndexStatus(status: IndexStatus): void;
  rebuildIndex(): Promise<void>;
}

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Answers can arrive out of order; only the latest request's answer is shown.
  let latest = 0;
  /** Counts progress events, so an answer that left before the newest one cannot overwrite it. */
  let progressSeen = 0;

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    const request = ++latest;
    if (get().searchQuery.trim() === '') {
      set({ searchStatus: 'idle', searchResponse: null, searchError: null });
      return;
    }
    set({ searchStatus: 'loading' });
    timer = setTimeout(() => void run(request), delayMs);
  }

  async function run(request: number): Promise<void> {
    const { searchQuery: query, searchFilters: filters } = get();
    try {
      const response = await client.call('search.query', { query, filters, limit: sessionLimit });
      if (request === latest) set({ searchStatus: 'ready', searchResponse: response, searchError: null });
    } catch (error) {
      if (request === latest) set({ searchStatus: 'error', searchError: messageOf(error) });
    }
  }

  return {
    searchQuery: '',
    searchFilters: {},
    searchStatus: 'idle',
    searchResponse: null,
    searchError: null,
    indexStatus: null,
    indexError: null,

    setSearchQuery(query) {
      set({ searchQuery: query });
      schedule(debounceMs);
    },

    setSearchFilters(filters) {
      set({ searchFilters: filters });
      schedule(debounceMs);
    },

    clearSearchFilters() {
      get().setSearchFilters({});
    },

    clearSearch() {
      set({ searchQuery: '' });
      schedule(0);
    },

    refreshSearch() {
      // Only results already shown: a search still being typed or loading asks on its own.
      if (get().searchStatus === 'ready') void run(++latest);
    },

    async loadIndexStatus() {
      try {
        const status = await client.call('index.status', {});
        // A progress event that came in meanwhile is newer than this answer.
        set((state) => (state.indexStatus ? {} : { indexStatus: status, indexError: null }));
      } catch (error) {
        set({ indexError: messageOf(error) });
      }
    },

    setIndexStatus(status) {
      progressSeen += 1;
      const finished = get().indexStatus?.phase !== 'idle' && status.phase === 'idle';
      set({ indexStatus: status, indexError: null });
      // Results shown while indexing were from part of the library; the whole of it answers now.
      if (finished && get().searchQuery.trim() !== '') schedule(0);
    },

    async rebuildIndex() {
      try {
        const seen = progressSeen;
        const started = await client.call('index.rebuild', {});
        // On a small library the rebuild's last progress (idle) can come before this answer.
        if (progressSeen === seen) set({ indexStatus: started, indexError: null });
      } catch (error) {
        get().notify({ message: `Rebuilding the index failed: ${messageOf(error)}`, tone: 'error' });
      }
    },
  };
};
