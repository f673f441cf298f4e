import { ChartColumn, History, Trash2 } from 'lucide-react';
import { useAppStore } from '../../store/store';

/** The way to the trash and the history from the list; pressing the one shown goes back. */
export function PlacesBar() {
  const view = useAppStore((state) => state.mainView);
  const showView = useAppStore((state) => state.showView);
  const trashCount = useAppStore((state) =>
    state.trash.status === 'ready' ? state.trash.value.length : null,
  );

  return (
    <div className="places" role="group" aria-label="Places">
      <button
        type="button"
        className="place"
        aria-pressed={view === 'trash'}
        onClick={() => showView(view === 'trash' ? 'session' : 'trash')}
      >
        <Trash2 size={14} aria-hidden="true" /> Recently deleted
        {trashCount !== null && trashCount > 0 && <span className="place-count">{trashCount}</span>}
      </button>
      <button
        type="button"
        className="place"
        aria-pressed={view === 'history'}
        onClick={() => showView(view === 'history' ? 'session' : 'history')}
      >
        <History size={14} aria-hidden="true" /> History
      </button>
      <button
        type="button"
        className="place"
        aria-pressed={view === 'activity'}
        aria-label="Activity"
        title="Activity"
        onClick={() => showView(view === 'activity' ? 'session' : 'activity')}
      >
        <ChartColumn size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
