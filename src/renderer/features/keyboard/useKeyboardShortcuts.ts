import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import { editsText } from '../undo/undoKey';
import { renameCurrent, trashCurrent } from './currentSession';
import { keyCommand } from './keyCommand';
import type { KeyCommand, KeyPlace } from './keyCommand';
import { listNavigator } from './listNavigator';
import { isMac } from './platform';

/** A select takes typed letters to pick an option, as a text field takes them to type. */
function placeOf(target: EventTarget | null): KeyPlace {
  if (!(target instanceof HTMLElement)) return 'page';
  if (editsText(target) || target.tagName === 'SELECT') return 'text';
  if (target.closest('.session-row')) return 'row';
  return target.matches('button, a[href], input, summary, [role], [tabindex]') ? 'control' : 'page';
}

/** Whether the command did something, so the key's default is to be prevented. */
function run(command: KeyCommand, place: KeyPlace): boolean {
  const state = useAppStore.getState();
  switch (command) {
    case 'next':
    case 'previous':
      listNavigator()?.step(command === 'next' ? 1 : -1);
      return true;
    case 'open':
      if (!state.cursor) return false;
      void state.openSession(state.cursor);
      return true;
    case 'rename':
      renameCurrent(place === 'row');
      return true;
    case 'trash':
      void trashCurrent(place === 'row');
      return true;
    case 'shortcuts':
    case 'palette':
      state.showOverlay(command);
      return true;
    case 'close':
      if (state.selection.keys.size > 0) state.clearSelection();
      else if (state.mainView !== 'session') state.showView('session');
      else return false;
      return true;
    case 'focusSearch':
      // The search box holds its field and answers `/` itself; the command is here for the sheet.
      return false;
  }
}

/** The window's one key handler; Ctrl/⌘+Z is the undo feature's (useUndoShortcut). */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      // An open dialog, the palette among them, has the keys; what is behind it must not change.
      if (document.querySelector('dialog[open]')) return;
      const place = placeOf(event.target);
      const command = keyCommand(event, place, isMac);
      if (!command) return;
      // Holding j or k runs down the list; holding any other key must not repeat what it does.
      if (event.repeat && command !== 'next' && command !== 'previous') return;
      if (run(command, place)) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
