import { Archive, CheckCircle2 } from 'lucide-react';
import { useId, useMemo } from 'react';
import type { SessionSummary } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { LoadableView } from '../../components/LoadableView';
import { absoluteTime, relativeTime } from '../../lib/time';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { cleanableRoots } from './cleanup';

export function CleanupDialog() {
  const cleanup = useAppStore((state) => state.cleanup);
  const roots = useAppStore((state) => state.roots);
  const close = useAppStore((state) => state.closeCleanup);
  const confirm = useAppStore((state) => state.confirmCleanup);
  const setRoot = useAppStore((state) => state.setCleanupRoot);
  const setTtl = useAppStore((state) => state.setCleanupTtl);
  const choices = useMemo(() => cleanableRoots(roots), [roots]);
  const ids = { prefix: useId(), unit: useId(), error: useId(), folder: useId() };
  if (!cleanup) return null;

  const count = cleanup.stale?.status === 'ready' ? cleanup.stale.value.length : 0;
  const invalid = cleanup.ttlHours === null;
  return (
    <Dialog
      wide
      title="Clean up stale sessions"
      description="Sessions with no activity for longer than this move to the app’s trash. You can undo this."
      onDismiss={close}
      onSubmit={() => void confirm()}
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="danger-solid"
            disabled={invalid || count === 0 || cleanup.checking || cleanup.busy}
          >
            <Archive size={14} aria-hidden="true" />{' '}
            {cleanup.busy ? 'Moving…' : count > 0 ? `Move ${count} to the trash` : 'Move to the trash'}
          </button>
        </>
      }
    >
      <div className="dialog-fields">
        {choices.length > 1 && (
          <label className="field">
            <span id={ids.folder}>Folder</span>
            <select value={cleanup.root} onChange={(event) => setRoot(event.target.value)}>
              {choices.map((root) => (
                <option key={root.id} value={root.id}>
                  {root.path}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="field-inline">
          <span id={ids.prefix}>Idle for more than</span>
          <input
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            data-autofocus
            aria-labelledby={`${ids.prefix} ${ids.unit}`}
            aria-invalid={invalid}
            aria-describedby={invalid ? ids.error : undefined}
            value={cleanup.ttlText}
            onChange={(event) => setTtl(event.target.value)}
          />
          <span id={ids.unit}>hours</span>
        </div>
        {invalid && (
          <p id={ids.error} className="field-error">
            Enter a number of hours greater than 0.
          </p>
        )}
      </div>
      {cleanup.stale && (
        <section className="stale-preview" aria-label="Sessions to clean up" aria-busy={cleanup.checking}>
          <LoadableView value={cleanup.stale} loadingText="Looking for stale sessions…">
            {(stale) => <StaleList sessions={stale} />}
          </LoadableView>
        </section>
      )}
    </Dialog>
  );
}

function StaleList({ sessions }: { sessions: SessionSummary[] }) {
  if (sessions.length === 0) {
    return (
      <p className="dialog-empty">
        <CheckCircle2 size={16} aria-hidden="true" /> No session has been idle that long.
      </p>
    );
  }
  return (
    <>
      <p className="dialog-summary">
        <strong>{counted(sessions.length, 'session')}</strong> will move to the trash
      </p>
      <ul className="stale-list" aria-label="Stale sessions">
        {sessions.map((session) => (
          <li key={`${session.ref.root}/${session.ref.id}`}>
            <span className="stale-name">{session.title}</span>
            <time dateTime={session.updatedAt ?? undefined} title={absoluteTime(session.updatedAt)}>
              active {relativeTime(session.updatedAt)}
            </time>
            <span className="stale-turns">{counted(session.turnCount, 'turn')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
