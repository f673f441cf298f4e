import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../shared/api';
import type { RootInfo, SessionSummary } from '../../shared/model';
import { client } from '../api';
import { prune } from '../lib/selection';
import { messageOf } from './messages';
import { refKey } from './selectionSlice';
import type { AppState } from './store';

export interface LibrarySlice {
  info: AppInfo | null;
  roots: RootInfo[];
  sessions: SessionSummary[];
  libraryStatus: 'loading' | 'ready' | 'error';
  libraryError: string | null;
  loadLibrary(): Promise<void>;
  openDemo(): Promise<void>;
}

/** The index serves the list a page at a time; the list view is virtualised, so it holds them all. */
const listPage = 1000;

async function allSessions(): Promise<SessionSummary[]> {
  const first = await client.call('sessions.page', { offset: 0, limit: listPage });
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await client.call('sessions.page', { offset: items.length, limit: listPage });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return items;
}

let loading: Promise<void> | null = null;
let reloadAfter = false;

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set, get) => ({
  info: null,
  roots: [],
  sessions: [],
  libraryStatus: 'loading',
  libraryError: null,

  async loadLibrary() {
    const loadOnce = async (): Promise<void> => {
      try {
        const [info, roots, sessions] = await Promise.all([
          get().info ?? client.call('app.info', {}),
          client.call('roots.list', {}),
          allSessions(),
        ]);
        // A session gone from the list leaves the selection, so it is not picked again if it returns.
        const selection = prune(
          get().selection,
          sessions.map((session) => refKey(session.ref)),
        );
        set({ info, roots, sessions, selection, libraryStatus: 'ready', libraryError: null });
      } catch (error) {
        set({ libraryStatus: 'error', libraryError: messageOf(error) });
      }
    };
    // Changes on disk can come every 100 ms: a load asked for during one runs once after it, not once each.
    if (loading) {
      reloadAfter = true;
      return loading;
    }
    loading = (async () => {
      do {
        reloadAfter = false;
        await loadOnce();
      } while (reloadAfter);
    })().finally(() => (loading = null));
    return loading;
  },

  async openDemo() {
    try {
      await client.call('library.openDemo', {});
      await get().loadLibrary();
    } catch (error) {
      get().notify({ message: `Could not open the demo library: ${messageOf(error)}`, tone: 'error' });
    }
  },
});
