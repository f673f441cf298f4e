import type { SessionRef, SessionSummary } from '../../shared/model';
import type { Root } from '../roots';
import type { AuditLog } from './audit-log';
import type { AuditSessionRecord } from './audit-record';
import type { Trash } from './trash';
import type { UndoJournal } from './undo-journal';
import type { PlacedSession } from './undo-plan';

/** What the trash, the audit log and undo need from the Library they serve. */
export interface HistoryContext {
  trash: Trash;
  journal: UndoJournal;
  audit: AuditLog;
  root(id: string): Promise<Root>;
  /** The root a record names, opened again from its path if the Library no longer lists it. */
  placed(session: Pick<PlacedSession, 'root' | 'format'>): Promise<Root>;
  namedOne(summary: SessionSummary): Promise<SessionSummary>;
  /** Names a session the way its format keeps names; null takes the name away. */
  applyName(owner: Root, summary: SessionSummary, title: string | null): Promise<SessionSummary>;
  changed(root: string | null, refs: SessionRef[]): Promise<void>;
  retentionDays(): Promise<number>;
  /** The host's way to dispose of a purged file: the system trash in Electron. */
  discard?: (path: string) => Promise<void>;
}

export function sessionRecord(owner: Root, summary: SessionSummary): AuditSessionRecord {
  return {
    root: { id: owner.id, path: owner.path },
    id: summary.ref.id,
    format: summary.format,
    title: summary.title,
  };
}

export function placedOf(record: AuditSessionRecord): PlacedSession {
  return { root: record.root, id: record.id, format: record.format };
}

export function refOf(record: { root: { id: string }; id: string }): SessionRef {
  return { root: record.root.id, id: record.id };
}
