import { useEffect } from 'react';
import { useAppStore } from '../../store/store';

/** Ctrl+, (⌘, on a Mac) opens the settings, as in most desktop apps, from anywhere but a dialog. */
export function useSettingsShortcut(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || event.key !== ',') return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      useAppStore.getState().showView('settings');
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
