import type { KeyPress } from '../undo/undoKey';

/** What a key asks of the app, outside text fields and dialogs. */
export type KeyCommand =
  'next' | 'previous' | 'open' | 'rename' | 'trash' | 'focusSearch' | 'shortcuts' | 'close' | 'palette';

/**
 * Where the key was pressed. A focused control keeps the keys it has its own use for (Enter
 * presses a button, arrows move a tab or a radio), a session row gives up its arrows to the list,
 * and only Ctrl/⌘+K reaches past a text field.
 */
export type KeyPlace = 'text' | 'control' | 'row' | 'page';

const chords: Record<string, KeyCommand> = { k: 'palette' };

const plainKeys: Record<string, { command: KeyCommand; places: readonly KeyPlace[] }> = {
  j: { command: 'next', places: ['control', 'row', 'page'] },
  k: { command: 'previous', places: ['control', 'row', 'page'] },
  ArrowDown: { command: 'next', places: ['row', 'page'] },
  ArrowUp: { command: 'previous', places: ['row', 'page'] },
  Enter: { command: 'open', places: ['page'] },
  F2: { command: 'rename', places: ['row', 'page'] },
  Delete: { command: 'trash', places: ['row', 'page'] },
  '/': { command: 'focusSearch', places: ['control', 'row', 'page'] },
  '?': { command: 'shortcuts', places: ['control', 'row', 'page'] },
  Escape: { command: 'close', places: ['control', 'row', 'page'] },
};

/** The key a Mac labels "delete" is Backspace; elsewhere Backspace has no command. */
const macKeys: Record<string, string> = { Backspace: 'Delete' };

export function keyCommand(press: KeyPress, place: KeyPlace, mac: boolean): KeyCommand | null {
  if (press.ctrlKey || press.metaKey) {
    if (press.altKey || press.shiftKey) return null;
    return chords[press.key.toLowerCase()] ?? null;
  }
  if (press.altKey) return null;
  // Symbols take Shift on many layouts (`?` on most, `/` on some); a letter or a named key with
  // Shift is another key (J is not j).
  const symbol = press.key.length === 1 && press.key.toLowerCase() === press.key.toUpperCase();
  if (press.shiftKey && !symbol) return null;
  const key = (mac && macKeys[press.key]) || press.key;
  const binding = plainKeys[key];
  return binding?.places.includes(place) ? binding.command : null;
}
