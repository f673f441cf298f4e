import type { StateCreator } from 'zustand';
import type { CompactPreview, SessionRef, SessionSummary, Turn, UnreadableLine } from '../../shared/model';
import { client } from '../api';
import { counted } from '../lib/words';
import { failed, loading, ready } from './loadable';
import type { Loadable } from './loadable';
import { messageOf } from './messages';
import { sameRef } from './sessionSlice';
import type { AppState } from './store';

interface DialogBase {
  /** Tells a late answer for a dialog since closed from one for the dialog now open. */
  id: number;
  ref: SessionRef;
  name: string;
}

export type WriteDialog =
  | (DialogBase & { kind: 'remove-last'; last: Loadable<Turn | null>; busy: boolean })
  | (DialogBase & { kind: 'compact'; preview: Loadable<CompactPreview>; busy: boolean })
  | (DialogBase & { kind: 'unreadable'; lines: Loadable<UnreadableLine[]> });

/** The reversible writes on one session, each behind a dialog that shows what will change. */
export interface WritesSlice {
  writeDialog: WriteDialog | null;
  askRemoveLast(summary: SessionSummary): Promise<void>;
  askCompact(summary: SessionSummary): Promise<void>;
  viewUnreadable(summary: SessionSummary): Promise<void>;
  closeWriteDialog(): void;
  confirmWriteDialog(): Promise<void>;
}

/** Omit that keeps a union a union, so each kind's own fields stay checked. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

let nextDialogId = 1;

export const createWritesSlice: StateCreator<AppState, [], [], WritesSlice> = (set, get) => {
  function open(dialog: Unnumbered<WriteDialog>): number {
    const id = nextDialogId++;
    set({ writeDialog: { ...dialog, id } });
    return id;
  }

  /** Changes the dialog only if it is still the one that asked. */
  function patch(id: number, change: Partial<WriteDialog>): void {
    set((state) =>
      state.writeDialog?.id === id ? { writeDialog: { ...state.writeDialog, ...change } as WriteDialog } : {},
    );
  }

  async function settle(summary: SessionSummary): Promise<void> {
    set((state) => ({
      sessions: state.sessions.map((each) => (sameRef(each.ref, summary.ref) ? summary : each)),
      detail:
        state.detail && sameRef(state.detail.summary.ref, summary.ref)
          ? { ...state.detail, summary }
          : state.detail,
    }));
    await get().refreshSession();
  }

  async function lastTurn(ref: SessionRef): Promise<Turn | null> {
    const total = sameRef(get().openRef, ref) ? get().turnsTotal : 0;
    if (total === 0) return null;
    const page = await client.call('session.turns', { ref, from: total - 1, count: 1 });
    return page.turns.at(-1) ?? null;
  }

  return {
    writeDialog: null,

    async askRemoveLast(summary) {
      const base = { ref: summary.ref, name: summary.title, busy: false };
      const id = open({ ...base, kind: 'remove-last', last: loading });
      try {
        patch(id, { last: ready(await lastTurn(summary.ref)) });
      } catch (error) {
        patch(id, { last: failed(messageOf(error)) });
      }
    },

    async askCompact(summary) {
      const base = { ref: summary.ref, name: summary.title, busy: false };
      const id = open({ ...base, kind: 'compact', preview: loading });
      try {
        patch(id, { preview: ready(await client.call('session.compactPreview', { ref: summary.ref })) });
      } catch (error) {
        patch(id, { preview: failed(messageOf(error)) });
      }
    },

    async viewUnreadable(summary) {
      const id = open({ ref: summary.ref, name: summary.title, kind: 'unreadable', lines: loading });
      try {
        patch(id, { lines: ready(await client.call('session.unreadable', { ref: summary.ref })) });
      } catch (error) {
        patch(id, { lines: failed(messageOf(error)) });
      }
    },

    closeWriteDialog() {
      set({ writeDialog: null });
    },

    async confirmWriteDialog() {
      const dialog = get().writeDialog;
      if (!dialog || dialog.kind === 'unreadable' || dialog.busy) return;
      patch(dialog.id, { busy: true });
      const { ref, name } = dialog;
      try {
        if (dialog.kind === 'remove-last') {
          const { summary, undoId } = await client.call('session.removeLast', { ref });
          set({ writeDialog: null });
          await settle(summary);
          get().notifyWrite(`Removed the last message of “${name}”`, undoId);
        } else {
          const dropped = dialog.preview.status === 'ready' ? dialog.preview.value.dropped.length : 0;
          const { summary, undoId } = await client.call('session.compact', { ref });
          set({ writeDialog: null });
          await settle(summary);
          get().notifyWrite(`Compacted “${name}”: ${counted(dropped, 'line')} dropped`, undoId);
        }
      } catch (error) {
        set({ writeDialog: null });
        const what = dialog.kind === 'remove-last' ? 'Removing the last message' : 'Compacting';
        get().notify({ message: `${what} failed: ${messageOf(error)}`, tone: 'error' });
      }
    },
  };
};
