import type { StateCreator } from 'zustand';
import type { TrashItem } from '../../shared/history';
import { client } from '../api';
import { coalesce } from '../lib/coalesce';
import { emptySelection, prune, select, toggleAll } from '../lib/selection';
import type { SelectGesture, Selection } from '../lib/selection';
import { counted } from '../lib/words';
import { failed, loading, ready } from './loadable';
import type { Loadable } from './loadable';
import { messageOf } from './messages';
import type { AppState } from './store';

export interface PurgeQuestion {
  trashIds: string[];
  /** The titles of the items, so the question can name what goes. */
  titles: string[];
  busy: boolean;
}

/** "Recently deleted": the app's trash, restored from or emptied for good, one or many at once. */
export interface TrashSlice {
  trash: Loadable<TrashItem[]>;
  trashSelection: Selection;
  purge: PurgeQuestion | null;
  loadTrash(): Promise<void>;
  selectTrash(trashId: string, gesture: SelectGesture): void;
  toggleAllTrash(): void;
  clearTrashSelection(): void;
  restoreFromTrash(trashIds: string[]): Promise<void>;
  askPurge(trashIds: string[]): void;
  closePurge(): void;
  confirmPurge(): Promise<void>;
}

function idsOf(trash: Loadable<TrashItem[]>): string[] {
  return trash.status === 'ready' ? trash.value.map((item) => item.trashId) : [];
}

export const createTrashSlice: StateCreator<AppState, [], [], TrashSlice> = (set, get) => {
  const load = coalesce(async () => {
    try {
      const trash = ready(await client.call('trash.list', {}));
      set((state) => ({ trash, trashSelection: prune(state.trashSelection, idsOf(trash)) }));
    } catch (error) {
      set({ trash: failed(messageOf(error)) });
    }
  });

  async function restore(trashIds: string[]): Promise<void> {
    if (trashIds.length === 1 && trashIds[0] !== undefined) {
      const { summary, undoId } = await client.call('trash.restore', { trashId: trashIds[0] });
      get().notifyWrite(`Restored “${summary.title}”`, undoId);
      return;
    }
    const { summaries, undoId, failures } = await client.call('trash.restoreMany', { trashIds });
    if (summaries.length > 0) get().notifyWrite(`Restored ${counted(summaries.length, 'session')}`, undoId);
    const [first] = failures;
    if (first) {
      get().notify({
        message: `${counted(failures.length, 'session')} could not be restored: ${first.message}`,
        tone: 'error',
      });
    }
  }

  return {
    trash: loading,
    trashSelection: emptySelection,
    purge: null,

    loadTrash: load,

    selectTrash(trashId, gesture) {
      set((state) => ({
        trashSelection: select(state.trashSelection, idsOf(state.trash), trashId, gesture),
      }));
    },

    toggleAllTrash() {
      set((state) => ({ trashSelection: toggleAll(state.trashSelection, idsOf(state.trash)) }));
    },

    clearTrashSelection() {
      set({ trashSelection: emptySelection });
    },

    async restoreFromTrash(trashIds) {
      try {
        await restore(trashIds);
      } catch (error) {
        get().notify({ message: `Restore failed: ${messageOf(error)}`, tone: 'error' });
      }
      await Promise.all([get().loadLibrary(), load()]);
    },

    askPurge(trashIds) {
      const trash = get().trash;
      const chosen = new Set(trashIds);
      const titles =
        trash.status === 'ready'
          ? trash.value.filter((item) => chosen.has(item.trashId)).map((item) => item.title)
          : [];
      set({ purge: { trashIds, titles, busy: false } });
    },

    closePurge() {
      set({ purge: null });
    },

    async confirmPurge() {
      const question = get().purge;
      if (!question || question.busy) return;
      set({ purge: { ...question, busy: true } });
      try {
        const { purged, method, failures } = await client.call('trash.purge', {
          trashIds: question.trashIds,
        });
        set({ purge: null });
        const what = counted(purged.length, 'session');
        if (purged.length > 0) {
          get().notify({
            message:
              method === 'os-trash' ? `Moved ${what} to the system trash` : `Deleted ${what} permanently`,
            tone: 'info',
          });
        }
        const [first] = failures;
        if (first) {
          get().notify({
            message: `${counted(failures.length, 'session')} could not be deleted: ${first.message}`,
            tone: 'error',
          });
        }
      } catch (error) {
        set({ purge: null });
        get().notify({ message: `Deleting permanently failed: ${messageOf(error)}`, tone: 'error' });
      }
      await load();
    },
  };
};
