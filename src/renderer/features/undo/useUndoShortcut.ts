import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import { editsText, isUndoKey } from './undoKey';

/** Ctrl+Z / ⌘+Z anywhere in the window undoes the app's last write, except where text is typed. */
export function useUndoShortcut(): void {
  const undoLast = useAppStore((state) => state.undoLast);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || !isUndoKey(event)) return;
      if (editsText(event.target instanceof HTMLElement ? event.target : null)) return;
      // An undo behind an open dialog would change what the dialog is asking about.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      void undoLast();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undoLast]);
}
