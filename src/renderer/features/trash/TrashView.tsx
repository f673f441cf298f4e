import { AlertTriangle, RotateCcw, Trash2, X } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import type { TrashItem } from '../../../shared/history';
import { formatLabels } from '../../../shared/model';
import { LoadableView } from '../../components/LoadableView';
import { gestureOf, selectedIn } from '../../lib/selection';
import type { SelectGesture } from '../../lib/selection';
import { shortPath } from '../../lib/shortPath';
import { absoluteTime, formatBytes, relativeTime } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { retentionDays } from './retention';

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "Recently deleted": what the app's trash holds, to restore or to delete for good. */
export function TrashView() {
  const trash = useAppStore((state) => state.trash);
  const loadTrash = useAppStore((state) => state.loadTrash);
  const showView = useAppStore((state) => state.showView);
  const days = trash.status === 'ready' ? retentionDays(trash.value) : 30;

  useEffect(() => {
    void loadTrash();
  }, [loadTrash]);

  return (
    <main className="place-view" aria-label="Recently deleted">
      <header className="place-header">
        <div className="place-title-line">
          <h2>Recently deleted</h2>
          <button
            type="button"
            className="icon"
            aria-label="Close Recently deleted"
            onClick={() => showView('session')}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
        {trash.status === 'ready' && trash.value.length > 0 && (
          <p className="muted">
            Deleted sessions stay here for {counted(days, 'day')}, then are removed for good.
          </p>
        )}
      </header>
      <div className="place-body">
        <LoadableView value={trash} loadingText="Reading the trash…">
          {(items) =>
            items.length === 0 ? (
              <div className="place-empty">
                <Trash2 size={28} aria-hidden="true" />
                <p>Nothing in the trash.</p>
                <p className="muted">Deleted sessions stay here for {counted(days, 'day')}.</p>
              </div>
            ) : (
              <TrashList items={items} />
            )
          }
        </LoadableView>
      </div>
    </main>
  );
}

function TrashList({ items }: { items: TrashItem[] }) {
  const selection = useAppStore((state) => state.trashSelection);
  const toggleAll = useAppStore((state) => state.toggleAllTrash);
  const clear = useAppStore((state) => state.clearTrashSelection);
  const restore = useAppStore((state) => state.restoreFromTrash);
  const askPurge = useAppStore((state) => state.askPurge);
  const order = items.map((item) => item.trashId);
  const chosen = selectedIn(selection, order);
  const all = chosen.length === order.length;
  const selectAll = useRef<HTMLInputElement>(null);
  const now = useNow(60_000);

  useLayoutEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !all;
  }, [chosen.length, all]);

  return (
    <>
      <div className="trash-toolbar" role="toolbar" aria-label="Selected items">
        <label className="check-label">
          <input ref={selectAll} type="checkbox" checked={all} onChange={toggleAll} />
          Select all
        </label>
        <span className="muted small" aria-live="polite">
          {chosen.length > 0 ? `${chosen.length} selected` : counted(items.length, 'session')}
        </span>
        {chosen.length > 0 && (
          <span className="trash-toolbar-actions">
            <button type="button" onClick={() => void restore(chosen)}>
              <RotateCcw size={14} aria-hidden="true" /> Restore {chosen.length}
            </button>
            <button type="button" className="danger" onClick={() => askPurge(chosen)}>
              <Trash2 size={14} aria-hidden="true" /> Delete {chosen.length} permanently
            </button>
            <button type="button" className="quiet" onClick={clear}>
              Clear selection
            </button>
          </span>
        )}
      </div>
      <ul className="trash-list" aria-label="Deleted sessions">
        {items.map((item) => (
          <TrashRow key={item.trashId} item={item} selected={selection.keys.has(item.trashId)} now={now} />
        ))}
      </ul>
    </>
  );
}

function TrashRow({ item, selected, now }: { item: TrashItem; selected: boolean; now: number }) {
  const select = useAppStore((state) => state.selectTrash);
  const restore = useAppStore((state) => state.restoreFromTrash);
  const askPurge = useAppStore((state) => state.askPurge);
  const titleId = useId();
  const pick = (gesture: SelectGesture) => select(item.trashId, gesture);

  // The row itself selects, as a file list does; its buttons and checkbox do their own thing.
  function onRowClick(event: MouseEvent<HTMLLIElement>) {
    if ((event.target as HTMLElement).closest('button, input')) return;
    pick(gestureOf(event) ?? 'toggle');
  }

  return (
    <li
      className={`trash-item${selected ? ' selected' : ''}`}
      onClick={onRowClick}
      // Shift-click extends the selection; it must not also select the text between the clicks.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
    >
      <input
        type="checkbox"
        aria-label={`Select “${item.title}”`}
        checked={selected}
        onChange={(event) =>
          pick(event.nativeEvent instanceof MouseEvent && event.nativeEvent.shiftKey ? 'range' : 'toggle')
        }
      />
      <div className="trash-main">
        <span id={titleId} className="trash-title">
          {item.title}
        </span>
        <span className="trash-meta">
          <span className="badge">{formatLabels[item.format]}</span>
          <code className="trash-root" title={item.root.path}>
            {shortPath(item.root.path)}
          </code>
          <time dateTime={item.deletedAt} title={absoluteTime(item.deletedAt)}>
            deleted {relativeTime(item.deletedAt, now)}
          </time>
          <span>{formatBytes(item.sizeBytes)}</span>
          <time dateTime={item.expiresAt} title={absoluteTime(item.expiresAt)}>
            purged on {dateOnly.format(new Date(item.expiresAt))}
          </time>
        </span>
        {item.state === 'moving' && (
          <span className="trash-partial">
            <AlertTriangle size={12} aria-hidden="true" /> Partly deleted: the delete was cut short. Restore
            puts back what reached the trash.
          </span>
        )}
      </div>
      <span className="trash-actions">
        <button type="button" aria-describedby={titleId} onClick={() => void restore([item.trashId])}>
          <RotateCcw size={14} aria-hidden="true" /> Restore
        </button>
        <button
          type="button"
          className="danger"
          aria-describedby={titleId}
          onClick={() => askPurge([item.trashId])}
        >
          Delete permanently
        </button>
      </span>
    </li>
  );
}
