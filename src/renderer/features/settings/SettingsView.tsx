import { X } from 'lucide-react';
import { useAppStore } from '../../store/store';
import { AppearanceSection } from './AppearanceSection';
import { IndexSection } from './IndexSection';
import { RootsSection } from './RootsSection';
import { TrashSection } from './TrashSection';
import './settings.css';

/** The app's own settings: where sessions are read from, how it looks, the trash and the index. */
export function SettingsView() {
  const showView = useAppStore((state) => state.showView);
  return (
    <main className="place-view settings-view" aria-labelledby="settings-title">
      <header className="place-header">
        <div className="place-title-line">
          <h2 id="settings-title">Settings</h2>
          <button
            type="button"
            className="icon"
            aria-label="Close settings"
            onClick={() => showView('session')}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
      </header>
      <div className="settings-body">
        <RootsSection />
        <AppearanceSection />
        <TrashSection />
        <IndexSection />
      </div>
    </main>
  );
}
