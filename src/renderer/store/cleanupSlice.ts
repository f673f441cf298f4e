import type { StateCreator } from 'zustand';
import type { SessionSummary } from '../../shared/model';
import { client } from '../api';
import { cleanableRoots, defaultTtlHours, parseHours } from '../features/library/cleanup';
import { counted } from '../lib/words';
import { failed, loading, ready } from './loadable';
import type { Loadable } from './loadable';
import { messageOf } from './messages';
import type { AppState } from './store';

export interface CleanupDialog {
  root: string;
  /** The TTL as typed, so a half-typed number stays in the field while it is invalid. */
  ttlText: string;
  ttlHours: number | null;
  /** The sessions the TTL catches; null while the TTL is not a number of hours. */
  stale: Loadable<SessionSummary[]> | null;
  /** A new answer is on its way; the last one stays on screen meanwhile, so typing does not flicker. */
  checking: boolean;
  busy: boolean;
}

/** "Clean up stale sessions…": a live preview by TTL, a move to the trash, and one Undo for all. */
export interface CleanupSlice {
  cleanup: CleanupDialog | null;
  openCleanup(): void;
  setCleanupRoot(root: string): void;
  setCleanupTtl(text: string): void;
  closeCleanup(): void;
  confirmCleanup(): Promise<void>;
}

/** Each preview asks again as the TTL is typed; only the answer to the latest question is shown. */
let latestPreview = 0;

export const createCleanupSlice: StateCreator<AppState, [], [], CleanupSlice> = (set, get) => {
  async function preview(): Promise<void> {
    const dialog = get().cleanup;
    if (!dialog) return;
    const asked = ++latestPreview;
    const { root, ttlHours } = dialog;
    if (ttlHours === null) {
      set({ cleanup: { ...dialog, stale: null, checking: false } });
      return;
    }
    const shown = dialog.stale?.status === 'ready' ? dialog.stale : loading;
    set({ cleanup: { ...dialog, stale: shown, checking: true } });
    let stale: Loadable<SessionSummary[]>;
    try {
      stale = ready(await client.call('sessions.stale', { root, ttlHours }));
    } catch (error) {
      stale = failed(messageOf(error));
    }
    const current = get().cleanup;
    if (asked === latestPreview && current) set({ cleanup: { ...current, stale, checking: false } });
  }

  return {
    cleanup: null,

    openCleanup() {
      const root = cleanableRoots(get().roots)[0];
      if (!root) return;
      const ttlText = String(defaultTtlHours);
      set({
        cleanup: {
          root: root.id,
          ttlText,
          ttlHours: defaultTtlHours,
          stale: loading,
          checking: true,
          busy: false,
        },
      });
      void preview();
    },

    setCleanupRoot(root) {
      const dialog = get().cleanup;
      if (!dialog || dialog.root === root) return;
      // Another folder's sessions are another answer: the old list must not stand in for it.
      set({ cleanup: { ...dialog, root, stale: loading } });
      void preview();
    },

    setCleanupTtl(ttlText) {
      const dialog = get().cleanup;
      if (!dialog) return;
      const ttlHours = parseHours(ttlText);
      const changed = ttlHours !== dialog.ttlHours;
      set({ cleanup: { ...dialog, ttlText, ttlHours } });
      if (changed) void preview();
    },

    closeCleanup() {
      latestPreview++;
      set({ cleanup: null });
    },

    async confirmCleanup() {
      const dialog = get().cleanup;
      if (!dialog || dialog.busy || dialog.checking || dialog.ttlHours === null) return;
      set({ cleanup: { ...dialog, busy: true } });
      try {
        const { trashIds, sessions, undoId } = await client.call('sessions.cleanup', {
          root: dialog.root,
          ttlHours: dialog.ttlHours,
        });
        get().closeCleanup();
        const open = get().openRef;
        if (open && sessions.some((each) => each.ref.root === open.root && each.ref.id === open.id)) {
          get().closeSession();
        }
        await get().loadLibrary();
        if (trashIds.length > 0) {
          get().notifyWrite(`Moved ${counted(trashIds.length, 'stale session')} to the trash`, undoId);
        } else {
          get().notify({ message: 'No session was stale any more; nothing moved', tone: 'info' });
        }
      } catch (error) {
        get().closeCleanup();
        get().notify({ message: `Cleanup failed: ${messageOf(error)}`, tone: 'error' });
      }
    },
  };
};
