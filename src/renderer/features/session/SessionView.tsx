import { AlertTriangle, Eraser, FilePlus2, Pencil, ShieldCheck, Shrink, Trash2 } from 'lucide-react';
import { formatLabels } from '../../../shared/model';
import type { SessionDetail } from '../../../shared/model';
import { RenameInput } from '../../components/RenameInput';
import { absoluteTime, formatBytes } from '../../lib/time';
import { counted } from '../../lib/words';
import { sameRef } from '../../store/sessionSlice';
import { useAppStore } from '../../store/store';
import { inspectorTabs } from '../inspector/tabs';
import { ChainBadge } from '../inspector/yoi/ChainBadge';
import { ChainResult } from '../inspector/yoi/ChainResult';
import { SessionPanes } from '../layout/SessionPanes';
import { SessionFlags } from '../library/SessionFlags';
import { ExportButton } from '../export/ExportButton';
import { FindBar } from '../find/FindBar';
import { Conversation } from './Conversation';
import { InspectorPane } from './InspectorPane';
import { ReadingTools } from './ReadingTools';
import { SessionState } from './SessionState';

export function SessionView() {
  const status = useAppStore((state) => state.sessionStatus);
  const error = useAppStore((state) => state.sessionError);
  const detail = useAppStore((state) => state.detail);

  if (status === 'idle') {
    return (
      <main className="session-view centered">
        <p className="muted">Choose a session to read it.</p>
      </main>
    );
  }
  if (status === 'error') {
    return (
      <main className="session-view centered" role="alert">
        <h2>This session could not be opened</h2>
        <p className="muted">{error}</p>
      </main>
    );
  }
  if (!detail) {
    return (
      <main className="session-view centered" aria-busy="true">
        <p className="muted">Opening…</p>
      </main>
    );
  }
  return <OpenSession detail={detail} />;
}

function OpenSession({ detail }: { detail: SessionDetail }) {
  const { summary } = detail;
  const tabs = inspectorTabs(detail);
  const renaming = useAppStore((state) => state.renaming?.place === 'header');
  const startRename = useAppStore((state) => state.startRename);
  const remove = useAppStore((state) => state.remove);
  const askRemoveLast = useAppStore((state) => state.askRemoveLast);
  const askCompact = useAppStore((state) => state.askCompact);
  const viewUnreadable = useAppStore((state) => state.viewUnreadable);
  const verifyChain = useAppStore((state) => state.verifyChain);
  const askCompactIntoNew = useAppStore((state) => state.askCompactIntoNew);
  const verifying = useAppStore((state) => sameRef(state.verifying, summary.ref));
  const yoi = summary.format === 'yoi';
  const unreadable = summary.health.unreadableLines;
  const gone = useAppStore((state) => state.sessionGone);
  const conversation = (
    <section className="conversation-pane" aria-label="Conversation">
      <FindBar />
      <Conversation />
    </section>
  );

  return (
    <main className="session-view" aria-label="Session">
      {gone && (
        <p className="session-gone" role="status">
          <AlertTriangle size={14} aria-hidden="true" /> This session was deleted on disk. What shows here is
          what it held when it was last read.
        </p>
      )}
      <header className="session-header">
        <div className="session-title-line">
          {renaming ? (
            <RenameInput
              sessionRef={summary.ref}
              initial={summary.untitled ? '' : summary.title}
              className="title"
            />
          ) : (
            <h2 className={summary.untitled ? 'untitled' : undefined}>{summary.title}</h2>
          )}
          <ReadingTools turnCount={summary.turnCount} />
          <ExportButton summary={summary} />
          {/* A session deleted on disk can be read as it was, but no longer written. */}
          {!gone && (
            <div className="header-actions">
              {summary.capabilities.rename && !renaming && (
                <button type="button" onClick={() => startRename(summary.ref, 'header')}>
                  <Pencil size={14} aria-hidden="true" /> Rename
                </button>
              )}
              {summary.capabilities.removeLast && (
                <button
                  type="button"
                  onClick={() => void askRemoveLast(summary)}
                  disabled={summary.turnCount === 0}
                >
                  <Eraser size={14} aria-hidden="true" /> Remove last message
                </button>
              )}
              {summary.capabilities.compact && (
                <button type="button" onClick={() => void askCompact(summary)}>
                  <Shrink size={14} aria-hidden="true" /> Compact…
                </button>
              )}
              {yoi && (
                <button
                  type="button"
                  onClick={() => void verifyChain(summary)}
                  disabled={verifying}
                  aria-busy={verifying || undefined}
                >
                  <ShieldCheck size={14} aria-hidden="true" /> {verifying ? 'Verifying…' : 'Verify chain'}
                </button>
              )}
              {summary.capabilities.fork && (
                <button
                  type="button"
                  onClick={() => askCompactIntoNew(summary)}
                  disabled={summary.turnCount === 0}
                >
                  <FilePlus2 size={14} aria-hidden="true" /> Compact into new session…
                </button>
              )}
              {summary.capabilities.delete && (
                <button type="button" className="danger" onClick={() => void remove(summary.ref)}>
                  <Trash2 size={14} aria-hidden="true" /> Delete
                </button>
              )}
            </div>
          )}
        </div>
        <p className="session-meta">
          <span className="badge">{formatLabels[summary.format]}</span>
          <ChainBadge chain={summary.health.chain} />
          <SessionState session={summary} />
          <SessionFlags session={summary} unreadable={false} />
          {summary.projectPath && <code>{summary.projectPath}</code>}
          <span>Updated {absoluteTime(summary.updatedAt)}</span>
          <span>{counted(summary.turnCount, 'turn')}</span>
          <span>{formatBytes(summary.sizeBytes)}</span>
        </p>
        {unreadable > 0 && (
          <p className="notice warn">
            <AlertTriangle size={14} aria-hidden="true" />
            <span>
              {counted(unreadable, 'unreadable line')}: the agent skips them when it loads this session.
            </span>
            <button type="button" className="link" onClick={() => void viewUnreadable(summary)}>
              View raw
            </button>
          </p>
        )}
        {yoi && <ChainResult summary={summary} />}
        {summary.health.damaged && (
          <p className="notice danger" role="alert">
            <AlertTriangle size={14} aria-hidden="true" /> This file could not be read:{' '}
            {summary.health.damaged}
          </p>
        )}
      </header>
      {tabs.length === 0 ? (
        conversation
      ) : (
        <SessionPanes conversation={conversation} inspector={<InspectorPane detail={detail} tabs={tabs} />} />
      )}
    </main>
  );
}
