import { FolderPlus, RefreshCw, X } from 'lucide-react';
import { useMemo } from 'react';
import { formatLabels } from '../../../shared/model';
import type { RootInfo } from '../../../shared/model';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { originWords } from './rootWords';
import { Section } from './Section';

/** The folders sessions are read from: each with where it came from, and a way to add more. */
export function RootsSection() {
  const roots = useAppStore((state) => state.roots);
  const sessions = useAppStore((state) => state.sessions);
  const addFolder = useAppStore((state) => state.addFolder);
  const counts = useMemo(() => {
    const byRoot = new Map<string, number>();
    for (const session of sessions) byRoot.set(session.ref.root, (byRoot.get(session.ref.root) ?? 0) + 1);
    return byRoot;
  }, [sessions]);
  // Roots named with --root are this run's alone: the saved ones cannot be changed from it.
  const named = roots.some((root) => root.origin === 'cli');

  return (
    <Section
      title="Folders"
      description="Sessionscope reads agent sessions from these folders. Removing one leaves its files on disk."
    >
      {roots.length === 0 ? (
        <p className="settings-empty">No folders yet.</p>
      ) : (
        <ul className="root-list" aria-label="Where sessions are read from">
          {roots.map((root) => (
            <RootItem key={root.id} root={root} count={counts.get(root.id) ?? 0} locked={named} />
          ))}
        </ul>
      )}
      <div className="settings-actions">
        <button type="button" onClick={() => void addFolder()} disabled={named}>
          <FolderPlus size={14} aria-hidden="true" /> Add folder…
        </button>
        {named && <span className="muted small">This run was started with --root.</span>}
      </div>
    </Section>
  );
}

function RootItem({ root, count, locked }: { root: RootInfo; count: number; locked: boolean }) {
  const remove = useAppStore((state) => state.removeRoot);
  const rescan = useAppStore((state) => state.rescanRoot);
  return (
    <li className="root-item" aria-label={root.path}>
      <div className="root-main">
        <code className="root-path" title={root.path}>
          {root.path}
        </code>
        <span className="root-meta">
          <span className="badge">{root.format ? formatLabels[root.format] : 'No format yet'}</span>
          <span>{originWords(root.origin)}</span>
          <span>{root.exists ? counted(count, 'session') : 'Missing from disk'}</span>
          {root.readOnly && <span className="badge quiet-badge">Read-only</span>}
          {!root.exists && <span className="badge danger">Missing</span>}
        </span>
      </div>
      <span className="root-actions">
        <button type="button" onClick={() => void rescan(root)} aria-label={`Rescan ${root.path}`}>
          <RefreshCw size={14} aria-hidden="true" /> Rescan
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => void remove(root)}
          disabled={locked}
          aria-label={`Remove ${root.path}`}
        >
          <X size={14} aria-hidden="true" /> Remove
        </button>
      </span>
    </li>
  );
}
