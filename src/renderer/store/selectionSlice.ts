import type { StateCreator } from 'zustand';
import type { SessionRef, SessionSummary } from '../../shared/model';
import { emptySelection, select } from '../lib/selection';
import type { SelectGesture, Selection } from '../lib/selection';
import { counted } from '../lib/words';
import { client } from '../api';
import { messageOf } from './messages';
import type { AppState } from './store';

/** A session as a selection key: root ids never hold a slash. */
export function refKey(ref: SessionRef): string {
  return `${ref.root}/${ref.id}`;
}

/** The sessions a bulk move to the trash would take: selected, still listed, and deletable. */
export function selectedSessions(
  sessions: readonly SessionSummary[],
  selection: Selection,
): SessionSummary[] {
  return sessions.filter((session) => session.capabilities.delete && selection.keys.has(refKey(session.ref)));
}

/** Several sessions picked in the list, moved to the trash as one write with one Undo. */
export interface SelectionSlice {
  selection: Selection;
  trashingSelection: boolean;
  /** `order` is the keys of the rows shown, for a shift-click range. */
  selectSession(ref: SessionRef, order: readonly string[], gesture: SelectGesture): void;
  clearSelection(): void;
  trashSelected(): Promise<void>;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: emptySelection,
  trashingSelection: false,

  selectSession(ref, order, gesture) {
    set((state) => ({ selection: select(state.selection, order, refKey(ref), gesture) }));
  },

  clearSelection() {
    set({ selection: emptySelection });
  },

  async trashSelected() {
    const chosen = selectedSessions(get().sessions, get().selection);
    if (chosen.length === 0 || get().trashingSelection) return;
    set({ trashingSelection: true });
    try {
      const { summaries, undoId, failures } = await client.call('sessions.delete', {
        refs: chosen.map((session) => session.ref),
      });
      const moved = new Set(summaries.map((summary) => refKey(summary.ref)));
      const open = get().openRef;
      if (open && moved.has(refKey(open))) get().closeSession();
      // What could not be moved stays selected, to be tried again or looked at.
      const left = new Set(failures.map((failure) => refKey(failure.ref)));
      set({ selection: left.size > 0 ? { keys: left, anchor: null } : emptySelection });
      await get().loadLibrary();
      if (summaries.length > 0)
        get().notifyWrite(`Moved ${counted(summaries.length, 'session')} to the trash`, undoId);
      const [first] = failures;
      if (first) {
        get().notify({
          message: `${counted(failures.length, 'session')} could not be moved: ${first.message}`,
          tone: 'error',
        });
      }
    } catch (error) {
      get().notify({ message: `Moving to the trash failed: ${messageOf(error)}`, tone: 'error' });
    } finally {
      set({ trashingSelection: false });
    }
  },
});
