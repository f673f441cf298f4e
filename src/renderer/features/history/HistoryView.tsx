import { History, Undo2, X } from 'lucide-react';
import { useEffect, useId, useMemo } from 'react';
import type { AuditEntry } from '../../../shared/history';
import { LoadableView } from '../../components/LoadableView';
import { absoluteTime, relativeTime } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { operationWords, sessionTitles, shortHash } from './entryWords';

/** The audit log: every write the app made, newest first, each undoable from here while it can be. */
export function HistoryView() {
  const history = useAppStore((state) => state.history);
  const loadHistory = useAppStore((state) => state.loadHistory);
  const showView = useAppStore((state) => state.showView);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  return (
    <main className="place-view" aria-label="History">
      <header className="place-header">
        <div className="place-title-line">
          <h2>History</h2>
          <button
            type="button"
            className="icon"
            aria-label="Close History"
            onClick={() => showView('session')}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
        <p className="muted">Every change Sessionscope made to your sessions, newest first.</p>
      </header>
      <div className="place-body">
        <LoadableView value={history} loadingText="Reading the history…">
          {(entries) =>
            entries.length === 0 ? (
              <div className="place-empty">
                <History size={28} aria-hidden="true" />
                <p>No changes yet.</p>
                <p className="muted">Renames, deletes and every other change the app makes show up here.</p>
              </div>
            ) : (
              <Entries entries={entries} />
            )
          }
        </LoadableView>
      </div>
    </main>
  );
}

function Entries({ entries }: { entries: AuditEntry[] }) {
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const now = useNow(30_000);
  return (
    <ol className="history-list" aria-label="Changes">
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} what={operationWords(entry, byId)} now={now} />
      ))}
    </ol>
  );
}

const statusWords = { done: 'Done', failed: 'Failed', interrupted: 'Interrupted' } as const;

function Entry({ entry, what, now }: { entry: AuditEntry; what: string; now: number }) {
  const undo = useAppStore((state) => state.undo);
  const undoing = useAppStore((state) => state.undoing);
  const summaryId = useId();
  const titles = sessionTitles(entry.sessions);

  return (
    <li className={`history-entry${entry.undoneBy ? ' undone' : ''}`}>
      <time className="history-time" dateTime={entry.at} title={absoluteTime(entry.at)}>
        {relativeTime(entry.at, now)}
      </time>
      <div className="history-main">
        <p id={summaryId} className="history-what">
          <strong>{what}</strong>
          {titles && ` ${titles}`}
        </p>
        {entry.detail && <p className="history-detail">{entry.detail}</p>}
        {entry.status !== 'done' && (
          <p className="history-error">
            {statusWords[entry.status]}
            {entry.error && `: ${entry.error}`}
          </p>
        )}
        {entry.files.length > 0 && (
          <details className="history-files">
            <summary>{counted(entry.files.length, 'file')}</summary>
            <ul aria-label="Files changed">
              {entry.files.map((file) => (
                <li key={file.path}>
                  <code className="history-path">{file.path}</code>
                  <span className="history-hashes" title="sha256 before → after">
                    <code>{shortHash(file.sha256Before)}</code> → <code>{shortHash(file.sha256After)}</code>
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="history-end">
        <span className={`history-status ${entry.status}`}>{statusWords[entry.status]}</span>
        {entry.undoneBy && <span className="badge">Undone</span>}
        {entry.undoable && (
          <button
            type="button"
            aria-describedby={summaryId}
            disabled={undoing}
            onClick={() => void undo(entry.id)}
          >
            <Undo2 size={14} aria-hidden="true" /> Undo
          </button>
        )}
      </div>
    </li>
  );
}
