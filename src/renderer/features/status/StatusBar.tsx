import { AlertTriangle, RefreshCw } from 'lucide-react';
import { useEffect } from 'react';
import { client } from '../../api';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { progressText } from './progress';
import { WatchNotice } from './WatchNotice';

/** The foot of the window: how far the search index has got, and a way to build it again. */
export function StatusBar() {
  const status = useAppStore((state) => state.indexStatus);
  const error = useAppStore((state) => state.indexError);
  const sessions = useAppStore((state) => (state.libraryStatus === 'ready' ? state.sessions.length : null));
  const loadStatus = useAppStore((state) => state.loadIndexStatus);
  const setStatus = useAppStore((state) => state.setIndexStatus);
  const rebuild = useAppStore((state) => state.rebuildIndex);

  useEffect(() => {
    // Subscribed first, so no progress is lost between the answer and the subscription.
    const stop = client.on('index.progress', setStatus);
    void loadStatus();
    return stop;
  }, [loadStatus, setStatus]);

  return (
    <footer className="status-bar" aria-label="Index status">
      {error && !status && (
        <span className="status-text" title={error}>
          Index status unavailable
        </span>
      )}
      {status && status.phase !== 'idle' && (
        <>
          <div
            className="status-progress"
            role="progressbar"
            aria-label="Indexing"
            aria-valuemin={0}
            aria-valuemax={status.filesTotal || undefined}
            aria-valuenow={status.filesTotal ? status.filesDone : undefined}
          >
            <div
              style={{ width: `${status.filesTotal ? (100 * status.filesDone) / status.filesTotal : 0}%` }}
            />
          </div>
          <span className="status-text">{progressText(status)}</span>
        </>
      )}
      {status?.phase === 'idle' && (
        <>
          <span className="status-text">
            Index up to date{sessions !== null && ` · ${counted(sessions, 'session')}`}
          </span>
          <button
            type="button"
            className="icon"
            aria-label="Rebuild index"
            title="Rebuild the search index from the session files"
            onClick={() => void rebuild()}
          >
            <RefreshCw size={13} aria-hidden="true" />
          </button>
        </>
      )}
      {status?.lastError && (
        <span
          className="status-warning"
          role="img"
          aria-label={`A file could not be indexed: ${status.lastError}`}
          title={status.lastError}
        >
          <AlertTriangle size={13} aria-hidden="true" />
        </span>
      )}
      <WatchNotice />
    </footer>
  );
}
