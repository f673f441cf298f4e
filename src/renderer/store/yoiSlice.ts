import type { StateCreator } from 'zustand';
import type { ChainReport, SessionRef, SessionSummary, WriteResult } from '../../shared/model';
import { client } from '../api';
import { messageOf } from './messages';
import { sameRef } from './sessionSlice';
import type { AppState } from './store';

/** A yoi write that makes a new session, behind a dialog; the old session is never changed. */
export type YoiDialog =
  | { kind: 'fork'; ref: SessionRef; name: string; atHash: string; line: number | null; busy: boolean }
  | { kind: 'compact-new'; ref: SessionRef; name: string; busy: boolean }
  /** A delete held back: `made` sessions were forked or compacted from this one. */
  | { kind: 'delete-origin'; ref: SessionRef; name: string; made: number; busy: boolean };

/** Hash-chain checks and the writes that branch a yoi session (formats.md §3). */
export interface YoiSlice {
  /** The last verification, for the session it was made for. */
  chainReport: { ref: SessionRef; report: ChainReport } | null;
  verifying: SessionRef | null;
  yoiDialog: YoiDialog | null;
  /** A turn to bring into view once its session opens: where a fork or compaction branched. */
  focusEntry: { ref: SessionRef; hash: string; line: number | null } | null;
  /** Opens a session, at the entry given (or at its start). */
  showEntry(ref: SessionRef, at: { hash: string; line: number | null } | null): Promise<void>;
  verifyChain(summary: SessionSummary): Promise<void>;
  askFork(summary: SessionSummary, atHash: string, line: number | null): void;
  askCompactIntoNew(summary: SessionSummary): void;
  askDeleteOrigin(summary: SessionSummary, made: number): void;
  closeYoiDialog(): void;
  confirmFork(): Promise<void>;
  confirmCompactIntoNew(summary: string): Promise<void>;
  confirmDeleteOrigin(): Promise<void>;
}

export const createYoiSlice: StateCreator<AppState, [], [], YoiSlice> = (set, get) => {
  function busy(): void {
    set((state) => (state.yoiDialog ? { yoiDialog: { ...state.yoiDialog, busy: true } } : {}));
  }

  /** The new session is in the list, and one click away. */
  async function created({ summary: made, undoId }: WriteResult, message: string): Promise<void> {
    set({ yoiDialog: null });
    await get().loadLibrary();
    get().notifyWrite(message, undoId, [
      { label: `Open ${made.title}`, run: () => get().openSession(made.ref) },
    ]);
  }

  return {
    chainReport: null,
    verifying: null,
    yoiDialog: null,
    focusEntry: null,

    async showEntry(ref, at) {
      set({ focusEntry: at && { ref, ...at } });
      await get().openSession(ref);
    },

    async verifyChain(summary) {
      set({ verifying: summary.ref });
      try {
        const report = await client.call('session.verify', { ref: summary.ref });
        set({ chainReport: { ref: summary.ref, report } });
        await Promise.all([get().loadLibrary(), get().refreshSession()]);
      } catch (error) {
        get().notify({ message: `Verifying the chain failed: ${messageOf(error)}`, tone: 'error' });
      } finally {
        set((state) => (sameRef(state.verifying, summary.ref) ? { verifying: null } : {}));
      }
    },

    askFork(summary, atHash, line) {
      set({ yoiDialog: { kind: 'fork', ref: summary.ref, name: summary.title, atHash, line, busy: false } });
    },

    askCompactIntoNew(summary) {
      set({ yoiDialog: { kind: 'compact-new', ref: summary.ref, name: summary.title, busy: false } });
    },

    askDeleteOrigin(summary, made) {
      set({ yoiDialog: { kind: 'delete-origin', ref: summary.ref, name: summary.title, made, busy: false } });
    },

    closeYoiDialog() {
      set({ yoiDialog: null });
    },

    async confirmFork() {
      const dialog = get().yoiDialog;
      if (dialog?.kind !== 'fork' || dialog.busy) return;
      busy();
      try {
        const made = await client.call('session.forkAt', { ref: dialog.ref, atHash: dialog.atHash });
        const where = dialog.line === null ? '' : ` at line ${dialog.line}`;
        await created(made, `Forked “${dialog.name}”${where} into “${made.summary.title}”`);
      } catch (error) {
        set({ yoiDialog: null });
        get().notify({ message: `Forking failed: ${messageOf(error)}`, tone: 'error' });
      }
    },

    async confirmCompactIntoNew(summary) {
      const dialog = get().yoiDialog;
      if (dialog?.kind !== 'compact-new' || dialog.busy) return;
      busy();
      try {
        const made = await client.call('session.compactIntoNew', { ref: dialog.ref, summary });
        await created(made, `Compacted “${dialog.name}” into “${made.summary.title}”`);
      } catch (error) {
        set({ yoiDialog: null });
        get().notify({ message: `Compacting into a new session failed: ${messageOf(error)}`, tone: 'error' });
      }
    },

    async confirmDeleteOrigin() {
      const dialog = get().yoiDialog;
      if (dialog?.kind !== 'delete-origin' || dialog.busy) return;
      busy();
      // trashSession reports its own failure.
      await get().trashSession(dialog.ref);
      set({ yoiDialog: null });
    },
  };
};
