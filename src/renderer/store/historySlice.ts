import type { StateCreator } from 'zustand';
import type { AuditEntry } from '../../shared/history';
import { client } from '../api';
import { coalesce } from '../lib/coalesce';
import { failed, loading, ready } from './loadable';
import type { Loadable } from './loadable';
import { messageOf } from './messages';
import type { AppState } from './store';

/** The audit log: every write the app made, newest first. */
export interface HistorySlice {
  history: Loadable<AuditEntry[]>;
  loadHistory(): Promise<void>;
  /** Reloads the trash, and the history while it is shown: both change with every write. */
  refreshPlaces(): Promise<void>;
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  const load = coalesce(async () => {
    try {
      set({ history: ready(await client.call('audit.list', {})) });
    } catch (error) {
      set({ history: failed(messageOf(error)) });
    }
  });

  return {
    history: loading,
    loadHistory: load,
    async refreshPlaces() {
      await Promise.all([get().loadTrash(), get().mainView === 'history' ? load() : undefined]);
    },
  };
};
