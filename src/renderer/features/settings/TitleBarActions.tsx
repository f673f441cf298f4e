import { Moon, Settings, Sun } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/store';
import { isMac } from '../keyboard/platform';
import { resolveTheme } from '../theme/theme';

const darkQuery = '(prefers-color-scheme: dark)';

function subscribeToSystem(changed: () => void): () => void {
  const query = window.matchMedia(darkQuery);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}

/** The title bar's own buttons: flip the theme, open the settings. */
export function TitleBarActions() {
  const theme = useAppStore((state) => state.theme);
  const toggleTheme = useAppStore((state) => state.toggleTheme);
  const showView = useAppStore((state) => state.showView);
  const systemDark = useSyncExternalStore(subscribeToSystem, () => window.matchMedia(darkQuery).matches);
  const shown = resolveTheme(theme, systemDark);
  const other = shown === 'dark' ? 'light' : 'dark';
  return (
    <div className="titlebar-actions">
      <button
        type="button"
        className="icon"
        aria-label={`Switch to the ${other} theme`}
        title={`Switch to the ${other} theme`}
        onClick={toggleTheme}
      >
        {shown === 'dark' ? <Sun size={16} aria-hidden="true" /> : <Moon size={16} aria-hidden="true" />}
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Settings"
        title={`Settings (${isMac ? '⌘,' : 'Ctrl+,'})`}
        onClick={() => showView('settings')}
      >
        <Settings size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
