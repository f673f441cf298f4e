import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import { findKey } from './findKeys';

/** While a session is open: Ctrl/⌘+F opens the find bar, Ctrl/⌘+G the Go to turn dialog. */
export function useFindKeys(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      const key = findKey(event);
      if (!key) return;
      // An open dialog has the keys; what is behind it must not change.
      if (document.querySelector('dialog[open]')) return;
      const state = useAppStore.getState();
      if (state.mainView !== 'session' || state.sessionStatus !== 'ready') return;
      event.preventDefault();
      if (key === 'find') state.openFind();
      else state.showGoToTurn(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
