import { RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { IndexInfo, IndexStatus } from '../../../shared/search';
import { client } from '../../api';
import { counted } from '../../lib/words';
import { messageOf } from '../../store/messages';
import { useAppStore } from '../../store/store';
import { progressText } from '../status/progress';
import { sizeWords } from './rootWords';
import { Section } from './Section';

/** The search index as a file on disk, and the one thing to do with it: build it again. */
export function IndexSection() {
  const status = useAppStore((state) => state.indexStatus);
  const setIndexStatus = useAppStore((state) => state.setIndexStatus);
  const notify = useAppStore((state) => state.notify);
  const [info, setInfo] = useState<IndexInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const working = !!status && status.phase !== 'idle';

  // Asked again whenever a run ends, so size and count say what the index holds now.
  useEffect(() => {
    if (working) return;
    let current = true;
    client
      .call('index.info', {})
      .then((answer) => current && (setInfo(answer), setError(null)))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [working]);

  return (
    <Section
      title="Search index"
      description="A cache of your sessions’ text for search. Rebuilding reads every session file again."
    >
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <dl className="settings-facts">
        <dt>Location</dt>
        <dd>
          <code title={info?.path}>{info?.path ?? '…'}</code>
        </dd>
        <dt>Size</dt>
        <dd>{info ? sizeWords(info.sizeBytes) : '…'}</dd>
        <dt>Sessions</dt>
        <dd>{info ? counted(info.sessions, 'session') : '…'}</dd>
      </dl>
      {working && status && (
        <div className="index-progress">
          <progress
            aria-label="Rebuild progress"
            max={status.filesTotal || undefined}
            value={status.filesTotal ? status.filesDone : undefined}
          />
          <span className="muted small" aria-live="polite">
            {progressText(status)}
          </span>
        </div>
      )}
      <div className="settings-actions">
        <button type="button" onClick={() => void rebuild(setIndexStatus, notify)} disabled={working}>
          <RefreshCw size={14} aria-hidden="true" /> {working ? 'Indexing…' : 'Rebuild index'}
        </button>
      </div>
    </Section>
  );
}

/**
 * The rebuild's own answer is the status as the run began; on a small library the run's last
 * progress event (idle) can arrive before it and would be overwritten by it. The status asked for
 * once the rebuild has answered is at least as new as every event sent before it.
 */
async function rebuild(
  setIndexStatus: (status: IndexStatus) => void,
  notify: (toast: { message: string; tone: 'error' }) => void,
): Promise<void> {
  try {
    await client.call('index.rebuild', {});
    setIndexStatus(await client.call('index.status', {}));
  } catch (error) {
    notify({ message: `Rebuilding the index failed: ${messageOf(error)}`, tone: 'error' });
  }
}
