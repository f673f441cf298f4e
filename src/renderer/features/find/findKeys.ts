import type { KeyPress } from '../undo/undoKey';

export type FindKey = 'find' | 'goToTurn';

/**
 * Ctrl/⌘+F finds in the session and Ctrl/⌘+G goes to a turn, from anywhere in the window, text
 * fields too, as in a browser or an editor. With Shift or Alt they are other keys.
 */
export function findKey(press: KeyPress): FindKey | null {
  if (!(press.ctrlKey || press.metaKey) || press.shiftKey || press.altKey) return null;
  const key = press.key.toLowerCase();
  return key === 'f' ? 'find' : key === 'g' ? 'goToTurn' : null;
}
