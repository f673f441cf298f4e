import type { StateCreator } from 'zustand';
import { madeFromCount } from '../../shared/lineage';
import type { SessionRef } from '../../shared/model';
import { client } from '../api';
import { messageOf } from './messages';
import { sameRef } from './sessionSlice';
import type { AppState } from './store';

export interface ActionsSlice {
  /** The session whose name is being edited inline, in the list or the header. */
  renaming: { ref: SessionRef; place: 'list' | 'header' } | null;
  startRename(ref: SessionRef, place: 'list' | 'header'): void;
  cancelRename(): void;
  rename(ref: SessionRef, title: string): Promise<boolean>;
  /** Deletes, after a warning where other sessions were made from this one. */
  remove(ref: SessionRef): Promise<void>;
  /** Moves the session to the trash, with an Undo. */
  trashSession(ref: SessionRef): Promise<void>;
}

export const createActionsSlice: StateCreator<AppState, [], [], ActionsSlice> = (set, get) => ({
  renaming: null,

  startRename(ref, place) {
    set({ renaming: { ref, place } });
  },

  cancelRename() {
    set({ renaming: null });
  },

  async rename(ref, title) {
    try {
      const { summary, undoId } = await client.call('session.rename', { ref, title });
      set((state) => ({
        renaming: null,
        sessions: state.sessions.map((each) => (sameRef(each.ref, ref) ? summary : each)),
        detail:
          state.detail && sameRef(state.detail.summary.ref, ref)
            ? { ...state.detail, summary }
            : state.detail,
      }));
      get().notifyWrite(`Renamed to “${summary.title}”`, undoId);
      return true;
    } catch (error) {
      get().notify({ message: `Rename failed: ${messageOf(error)}`, tone: 'error' });
      return false;
    }
  },

  async remove(ref) {
    const { sessions, detail } = get();
    const summary =
      sessions.find((each) => sameRef(each.ref, ref)) ??
      (detail && sameRef(detail.summary.ref, ref) ? detail.summary : null);
    // yoi sessions name the one they were forked or compacted from (formats.md §3.3).
    if (summary?.format === 'yoi') {
      try {
        const made = madeFromCount(await client.call('session.lineage', { ref }), ref);
        if (made > 0) return get().askDeleteOrigin(summary, made);
      } catch (error) {
        get().notify({ message: `Delete failed: ${messageOf(error)}`, tone: 'error' });
        return;
      }
    }
    await get().trashSession(ref);
  },

  async trashSession(ref) {
    try {
      const { summary, undoId } = await client.call('session.delete', { ref });
      set((state) => ({ sessions: state.sessions.filter((each) => !sameRef(each.ref, ref)) }));
      if (sameRef(get().openRef, ref)) get().closeSession();
      get().notifyWrite(`Moved “${summary.title}” to the trash`, undoId);
    } catch (error) {
      get().notify({ message: `Delete failed: ${messageOf(error)}`, tone: 'error' });
    }
  },
});
