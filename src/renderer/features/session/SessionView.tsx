import { AlertTriangle, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { formatLabels } from '../../../shared/model';
import type { SessionDetail } from '../../../shared/model';
import { RenameInput } from '../../components/RenameInput';
import { absoluteTime, formatBytes } from '../../lib/time';
import { useAppStore } from '../../store/store';
import { inspectorTabs } from '../inspector/tabs';
import { Conversation } from './Conversation';

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
  const [tabId, setTabId] = useState('conversation');
  const renaming = useAppStore((state) => state.renaming?.place === 'header');
  const startRename = useAppStore((state) => state.startRename);
  const remove = useAppStore((state) => state.remove);
  const current = tabs.find((tab) => tab.id === tabId);

  return (
    <main className="session-view" aria-label="Session">
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
          <div className="header-actions">
            {summary.capabilities.rename && !renaming && (
              <button type="button" onClick={() => startRename(summary.ref, 'header')}>
                <Pencil size={14} aria-hidden="true" /> Rename
              </button>
            )}
            {summary.capabilities.delete && (
              <button type="button" className="danger" onClick={() => void remove(summary.ref)}>
                <Trash2 size={14} aria-hidden="true" /> Delete
              </button>
            )}
          </div>
        </div>
        <p className="session-meta">
          <span className="badge">{formatLabels[summary.format]}</span>
          {summary.projectPath && <code>{summary.projectPath}</code>}
          <span>Updated {absoluteTime(summary.updatedAt)}</span>
          <span>{summary.turnCount} turns</span>
          <span>{formatBytes(summary.sizeBytes)}</span>
        </p>
        {summary.health.damaged && (
          <p className="notice danger" role="alert">
            <AlertTriangle size={14} aria-hidden="true" /> This file could not be read:{' '}
            {summary.health.damaged}
          </p>
        )}
        <div className="tabs" role="tablist" aria-label="Session views">
          {[{ id: 'conversation', label: 'Conversation', count: undefined }, ...tabs].map((tab) => {
            const count = tab.count?.(detail) ?? null;
            return (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`tab-${tab.id}`}
                aria-selected={tabId === tab.id}
                aria-controls="session-tabpanel"
                onClick={() => setTabId(tab.id)}
              >
                {tab.label}
                {count !== null && <span className="tab-count">{count}</span>}
              </button>
            );
          })}
        </div>
      </header>
      <div className="tabpanel" role="tabpanel" id="session-tabpanel" aria-labelledby={`tab-${tabId}`}>
        {current ? current.render(detail) : <Conversation />}
      </div>
    </main>
  );
}
