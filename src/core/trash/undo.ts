import { AppError, isAppError } from '../../shared/errors';
import type { UndoResult } from '../../shared/history';
import type { SessionRef, SessionSummary } from '../../shared/model';
import { isUndoable, toAuditEntry } from './audit-log';
import type { LoggedWrite } from './audit-log';
import type { AuditSessionRecord, EndRecord } from './audit-record';
import type { Root } from '../roots';
import { refOf } from './context';
import { hashState } from './file-hash';
import type { TrashManifest } from './manifest';
import type { HistoryContext } from './context';
import { recordOf, summariesOf } from './moves';
import { recorded } from './recorded';
import type { UndoPlan } from './undo-plan';

/** The newest write that can still be reversed, or `not_found`. */
export async function undoLast(context: HistoryContext): Promise<UndoResult> {
  const writes = await context.audit.writes();
  const last = writes.reverse().find(isUndoable);
  if (!last) throw new AppError('not_found', 'nothing to undo');
  return undo(context, last);
}

export async function undoById(context: HistoryContext, undoId: string): Promise<UndoResult> {
  const write = await context.audit.write(undoId);
  if (!write) throw new AppError('not_found', 'no write with that undo id is on record');
  return undo(context, write);
}

/**
 * Reverses one write, itself logged as a write (operation `undo`) that names what it reversed.
 * An undo is not undone in turn: Ctrl+Z again reaches further back.
 */
async function undo(context: HistoryContext, write: LoggedWrite): Promise<UndoResult> {
  const end = write.end;
  if (write.undoneBy) throw new AppError('conflict', 'that write was already undone');
  if (!isUndoable(write) || !end?.undo) throw new AppError('unsupported', 'that write cannot be undone');
  const plan = end.undo;
  const { value, id } = await recorded(
    context.audit,
    {
      operation: 'undo',
      sessions: end.sessions,
      files: end.files.map((file) => file.file),
      undoes: write.begin.id,
    },
    async () => {
      const reversed = await reverse(context, plan, end.sessions, write.begin.operation).catch(
        async (error: unknown) => {
          // An undo killed after reversing the write but before its end line left every file as
          // it was before the write: that write is undone, and Ctrl+Z must move past it.
          if (await alreadyReversed(end)) return unchanged(context, end.sessions);
          throw error;
        },
      );
      return { value: reversed, detail: reversed.message, undo: null };
    },
  );
  const roots = [...new Set(value.refs.map((ref) => ref.root))];
  await context.changed(roots.length === 1 ? (roots[0] ?? null) : null, value.refs);
  return {
    undone: toAuditEntry({ ...write, undoneBy: id }),
    summaries: value.summaries,
    message: value.message,
  };
}

async function alreadyReversed(end: EndRecord): Promise<boolean> {
  if (end.files.length === 0) return false;
  for (const file of end.files) {
    if ((await hashState(file.file)).sha256 !== file.sha256Before) return false;
  }
  return true;
}

async function unchanged(context: HistoryContext, sessions: AuditSessionRecord[]): Promise<Reversed> {
  const [first] = sessions;
  return {
    summaries: await summariesOf(context, sessions),
    refs: sessions.map(refOf),
    message: `${first ? `“${first.title}”` : 'The session'} was already as it was before`,
  };
}

interface Reversed {
  summaries: SessionSummary[];
  refs: SessionRef[];
  message: string;
}

async function reverse(
  context: HistoryContext,
  plan: UndoPlan,
  sessions: AuditSessionRecord[],
  operation: string,
): Promise<Reversed> {
  const [first] = sessions;
  const title = first ? `“${first.title}”` : 'the session';
  switch (plan.kind) {
    case 'journal': {
      const record = await context.journal.read(plan.undoId);
      const owner = await context.placed(record);
      if (!owner.store.revert)
        throw new AppError('unsupported', 'sessions of this format cannot undo writes');
      const summary = await owner.store.revert(record.sessionId, record.step);
      await context.journal.forget(plan.undoId);
      return {
        summaries: [await context.namedOne(summary)],
        refs: [summary.ref],
        message: journalMessage(operation, title),
      };
    }
    case 'restore': {
      const restored = [];
      for (const [i, trashId] of plan.trashIds.entries()) {
        const manifest = await restoreOne(context, trashId, sessions[i]);
        if (manifest) restored.push(recordOf(manifest));
        else if (sessions[i]) restored.push(sessions[i]);
      }
      return {
        summaries: await summariesOf(context, restored),
        refs: restored.map(refOf),
        message: restored.length === 1 ? `Restored ${title}` : `Restored ${restored.length} sessions`,
      };
    }
    case 'trash': {
      const refs: SessionRef[] = [];
      for (const session of plan.sessions) {
        const owner = await context.placed(session);
        const summary = await readable(owner, session.id);
        // Already gone: an earlier undo of this write moved it before it was cut short.
        if (!summary) continue;
        await context.trash.put({
          format: summary.format,
          root: { id: owner.id, path: owner.path },
          sessionId: session.id,
          title: summary.title,
          files: await owner.store.files(session.id),
        });
        refs.push(summary.ref);
      }
      const what = refs.length === 1 ? title : `${refs.length} sessions`;
      return { summaries: [], refs, message: `Moved ${what} to the trash` };
    }
    case 'rename': {
      const session = requireSession(first);
      const owner = await context.placed(session);
      const now = await context.namedOne(await owner.store.summary(session.id));
      const asBefore = plan.previous === null ? now.untitled : now.title === plan.previous;
      if (asBefore && now.title !== plan.current) {
        return { summaries: [now], refs: [now.ref], message: `“${now.title}” already has its old name` };
      }
      if (now.title !== plan.current) {
        throw new AppError('conflict', `“${now.title}” was renamed again since; its name was left as it is`);
      }
      const summary = await context.applyName(owner, now, plan.previous);
      return {
        summaries: [summary],
        refs: [summary.ref],
        message:
          plan.previous === null
            ? `Took the name “${plan.current}” away`
            : `Renamed back to “${plan.previous}”`,
      };
    }
    case 'state': {
      const session = requireSession(first);
      const owner = await context.placed(session);
      if (!owner.store.setState)
        throw new AppError('unsupported', 'sessions of this format have no run state');
      const previous = plan.previous ?? { state: 'idle' as const, turnId: null };
      const summary = await owner.store.setState(session.id, previous.state, previous.turnId);
      return {
        summaries: [await context.namedOne(summary)],
        refs: [summary.ref],
        message: `Set ${title} back to ${previous.state}`,
      };
    }
  }
}

/**
 * The trash item the delete made, or, when that one was restored and the session deleted again
 * since (restore, then an undo of the restore), the newest item holding the same session.
 */
async function restoreOne(
  context: HistoryContext,
  trashId: string,
  session: AuditSessionRecord | undefined,
): Promise<TrashManifest | null> {
  try {
    return await context.trash.restore(trashId);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'not_found' || !session) throw error;
  }
  // Back in place already: an earlier undo restored it and was cut short before its end line.
  if (await readable(await context.placed(session), session.id)) return null;
  const again = (await context.trash.list()).find(
    (item) => item.root.id === session.root.id && item.sessionId === session.id,
  );
  if (!again) throw new AppError('not_found', `“${session.title}” is no longer in the trash`);
  return context.trash.restore(again.trashId);
}

async function readable(owner: Root, id: string): Promise<SessionSummary | null> {
  try {
    return await owner.store.summary(id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

function requireSession(session: AuditSessionRecord | undefined): AuditSessionRecord {
  if (!session) throw new AppError('corrupt', 'the audit log names no session for that write');
  return session;
}

function journalMessage(operation: string, title: string): string {
  switch (operation) {
    case 'append':
      return `Took the added message out of ${title}`;
    case 'remove-last':
      return `Put the last message of ${title} back`;
    case 'compact':
      return `Restored ${title} as it was before compacting`;
    default:
      return `Undid the ${operation} of ${title}`;
  }
}
