import type { StateCreator } from 'zustand';
import type { SessionRef } from '../../shared/model';
import type { AppState } from './store';

/** What the keyboard opens over the window: the command palette or the shortcut sheet. */
export type Overlay = 'palette' | 'shortcuts';

export interface KeyboardSlice {
  /** The row the keyboard is on: j/k move it, Enter opens it, F2 renames it, Delete trashes it. */
  cursor: SessionRef | null;
  /** Set by a move from the keyboard: the row reached takes the focus once the list renders it. */
  cursorFocus: boolean;
  overlay: Overlay | null;
  setCursor(ref: SessionRef | null, focus?: boolean): void;
  cursorFocused(): void;
  showOverlay(overlay: Overlay | null): void;
}

export const createKeyboardSlice: StateCreator<AppState, [], [], KeyboardSlice> = (set) => ({
  cursor: null,
  cursorFocus: false,
  overlay: null,
  setCursor(ref, focus = false) {
    set({ cursor: ref, cursorFocus: focus });
  },
  cursorFocused() {
    set({ cursorFocus: false });
  },
  showOverlay(overlay) {
    set({ overlay });
  },
});
