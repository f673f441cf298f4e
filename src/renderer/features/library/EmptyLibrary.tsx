import { FolderPlus, FolderSearch, Sparkles } from 'lucide-react';
import { formatLabels } from '../../../shared/model';
import { useAppStore } from '../../store/store';
import '../settings/settings.css';

/**
 * The first window on a machine with no sessions: where we looked, a way to name the folder we
 * missed, and a way to try the app.
 */
export function EmptyLibrary() {
  const info = useAppStore((state) => state.info);
  const openDemo = useAppStore((state) => state.openDemo);
  const addFolder = useAppStore((state) => state.addFolder);
  return (
    <main className="centered empty" aria-labelledby="empty-title">
      <FolderSearch size={40} aria-hidden="true" className="empty-icon" />
      <h2 id="empty-title">No sessions found</h2>
      <p className="muted">Sessionscope looked for agent sessions in these places:</p>
      <ul className="searched" aria-label="Places searched">
        {info?.searched.map((place) => (
          <li key={`${place.format}:${place.path}`}>
            <span className="badge">{formatLabels[place.format]}</span>
            <code>{place.path}</code>
            <span className="muted">
              {place.how} · {place.exists ? 'empty' : 'not found'}
            </span>
          </li>
        ))}
      </ul>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={() => void addFolder()}>
          <FolderPlus size={16} aria-hidden="true" /> Add folder…
        </button>
        {info?.demoAvailable && (
          <button type="button" className="secondary" onClick={() => void openDemo()}>
            <Sparkles size={16} aria-hidden="true" /> Open demo library
          </button>
        )}
      </div>
      <p className="muted small">
        The demo opens read-only, from a copy in the app's data folder: sample sessions of every format.
      </p>
    </main>
  );
}
