import { AlertTriangle, Pencil, Trash2, CircleX } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { gestureOf } from '../../lib/selection';
import type { SelectGesture } from '../../lib/selection';
import { formatLabels } from '../../../shared/model';
import type { SessionSummary } from '../../../shared/model';
import { RenameInput } from '../../components/RenameInput';
import { ChainBadge } from '../inspector/yoi/ChainBadge';
import { absoluteTime, relativeTime } from '../../lib/time';
import { counted } from '../../lib/words';
import { refKey } from '../../store/selectionSlice';
import { sameRef } from '../../store/sessionSlice';
import { useAppStore } from '../../store/store';
import type { RunStatus } from './runStatus';
import { SessionFlags } from './SessionFlags';
import './listControls.css';

interface Props {
  session: SessionSummary;
  status: RunStatus;
  style: CSSProperties;
  /** The keys of the selectable rows shown, for a shift-click range. */
  order: readonly string[];
}

export function SessionRow({ session, status, style, order }: Props) {
  const isOpen = useAppStore((state) => sameRef(state.openRef, session.ref));
  const isRenaming = useAppStore(
    (state) => state.renaming?.place === 'list' && sameRef(state.renaming.ref, session.ref),
  );
  const openSession = useAppStore((state) => state.openSession);
  const startRename = useAppStore((state) => state.startRename);
  const remove = useAppStore((state) => state.remove);
  const selected = useAppStore((state) => state.selection.keys.has(refKey(session.ref)));
  const selectSession = useAppStore((state) => state.selectSession);
  const isCurrent = useAppStore((state) => sameRef(state.cursor, session.ref));
  const takeFocus = useAppStore((state) => state.cursorFocus && sameRef(state.cursor, session.ref));
  const setCursor = useAppStore((state) => state.setCursor);
  const cursorFocused = useAppStore((state) => state.cursorFocused);
  const main = useRef<HTMLButtonElement>(null);
  // The virtualiser renders the row a key moved to only after it has scrolled there.
  useEffect(() => {
    if (!takeFocus) return;
    main.current?.focus();
    cursorFocused();
  }, [takeFocus, cursorFocused]);
  const selectable = session.capabilities.delete;
  const pick = (gesture: SelectGesture) => selectSession(session.ref, order, gesture);
  const project = session.projectPath?.split(/[\\/]/).filter(Boolean).pop();
  const failed = session.failedToolCalls ?? 0;

  return (
    <li
      className={`session-row${isOpen ? ' open' : ''}${selected ? ' selected' : ''}${isCurrent ? ' current' : ''}`}
      style={style}
      // Tab and clicks move the keyboard's row too, so F2 and Delete act on the row in hand.
      onFocus={() => !isCurrent && setCursor(session.ref)}
      // Shift-click extends the selection; it must not also select the text between the clicks.
      onMouseDown={(event) => selectable && event.shiftKey && event.preventDefault()}
    >
      {selectable ? (
        <input
          type="checkbox"
          className="row-check"
          aria-label={`Select “${session.title}”`}
          checked={selected}
          onChange={(event) =>
            pick(event.nativeEvent instanceof MouseEvent && event.nativeEvent.shiftKey ? 'range' : 'toggle')
          }
        />
      ) : (
        <span className="row-check" />
      )}
      {isRenaming ? (
        <div className="row-main">
          <RenameInput sessionRef={session.ref} initial={session.untitled ? '' : session.title} />
        </div>
      ) : (
        <button
          type="button"
          ref={main}
          className="row-main"
          aria-current={isOpen ? 'true' : undefined}
          onClick={(event) => {
            const gesture = selectable ? gestureOf(event) : null;
            if (gesture) pick(gesture);
            else void openSession(session.ref);
          }}
        >
          <span className={`row-title${session.untitled ? ' untitled' : ''}`}>{session.title}</span>
          <span className="row-meta">
            {session.health.damaged && (
              <span className="badge danger" title={session.health.damaged}>
                <AlertTriangle size={12} aria-hidden="true" /> damaged
              </span>
            )}
            <ChainBadge chain={session.health.chain} />
            <span className="row-format">{formatLabels[session.format]}</span>
            {project && (
              <span className="row-project" title={session.projectPath ?? undefined}>
                {project}
              </span>
            )}
            <time dateTime={session.updatedAt ?? undefined} title={absoluteTime(session.updatedAt)}>
              {relativeTime(session.updatedAt)}
            </time>
            {session.pending ? (
              // Listed from its file alone: the index has yet to read the title and the turns.
              <span className="row-pending" title="Being indexed: its name and turns are read next">
                reading…
              </span>
            ) : (
              <span>
                {session.turnCount} {session.turnCount === 1 ? 'turn' : 'turns'}
              </span>
            )}
            {failed > 0 && (
              <span
                className="row-failed"
                title={counted(failed, 'tool call that failed', 'tool calls that failed')}
              >
                <CircleX size={11} aria-hidden="true" /> {failed} failed
              </span>
            )}
          </span>
          <SessionFlags session={session} status={status} />
        </button>
      )}
      {!isRenaming && (
        <span className="row-actions">
          {session.capabilities.rename && (
            <button
              type="button"
              className="icon"
              aria-label={`Rename ${session.title}`}
              title="Rename (F2)"
              onClick={() => startRename(session.ref, 'list')}
            >
              <Pencil size={14} aria-hidden="true" />
            </button>
          )}
          {session.capabilities.delete && (
            <button
              type="button"
              className="icon"
              aria-label={`Delete ${session.title}`}
              title="Move to trash (Delete)"
              onClick={() => void remove(session.ref)}
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          )}
        </span>
      )}
    </li>
  );
}
