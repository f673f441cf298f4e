import type { StateCreator } from 'zustand';
import { AppError } from '../../shared/errors';
import type { UndoResult } from '../../shared/history';
import { client } from '../api';
import { messageOf } from './messages';
import { sameRef } from './sessionSlice';
import type { AppState } from './store';
import type { ToastAction } from './toastSlice';

/** Every write the app makes can be undone: from its toast, from the history, or with Ctrl+Z. */
export interface UndoSlice {
  /** An undo is on its way; a held-down Ctrl+Z must not reverse one write after another unseen. */
  undoing: boolean;
  /** The toast a write ends with: what it did, and an Undo when there is one. */
  notifyWrite(message: string, undoId: string | null, actions?: ToastAction[]): void;
  undo(undoId: string): Promise<void>;
  /** Reverses the newest write not yet undone. */
  undoLast(): Promise<void>;
}

export const createUndoSlice: StateCreator<AppState, [], [], UndoSlice> = (set, get) => {
  /** The list, the open session, the trash and the history as the undo left them. */
  async function settle(result: UndoResult): Promise<void> {
    const open = get().openRef;
    const touchedOpen = result.undone.sessions.some((session) => sameRef(session.ref, open));
    await get().loadLibrary();
    if (touchedOpen) {
      // An undone fork or restore takes its session away again; the view must not stay on it.
      if (result.summaries.some((summary) => sameRef(summary.ref, open))) await get().refreshSession();
      else get().closeSession();
    }
    await get().refreshPlaces();
  }

  /** `last`: a not_found means the history holds nothing to undo, not that this undo failed. */
  async function run(ask: () => Promise<UndoResult>, last: boolean): Promise<void> {
    if (get().undoing) return;
    set({ undoing: true });
    try {
      const result = await ask();
      await settle(result);
      get().notify({ message: result.message, tone: 'info' });
    } catch (error) {
      if (last && error instanceof AppError && error.code === 'not_found') {
        get().notify({ message: 'Nothing to undo', tone: 'info' });
      } else {
        get().notify({ message: `Undo failed: ${messageOf(error)}`, tone: 'error' });
      }
    } finally {
      set({ undoing: false });
    }
  }

  return {
    undoing: false,

    notifyWrite(message, undoId, actions = []) {
      const undo = undoId === null ? [] : [{ label: 'Undo', run: () => get().undo(undoId) }];
      get().notify({ message, tone: 'info', actions: [...actions, ...undo] });
    },

    undo(undoId) {
      return run(() => client.call('undo.apply', { undoId }), false);
    },

    undoLast() {
      return run(() => client.call('undo.last', {}), true);
    },
  };
};
