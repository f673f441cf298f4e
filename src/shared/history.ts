/**
 * What the app remembers of its own writes: the audit log, the trash and undo. Plain data only;
 * the core keeps how to reverse each write to itself.
 */
import type { ErrorCode } from './errors';
import type { FormatId, SessionRef, SessionSummary } from './model';

export const auditOperations = [
  'rename',
  'delete',
  'restore',
  'purge',
  'expire',
  'append',
  'remove-last',
  'compact',
  'set-state',
  'fork',
  'compact-into-new',
  'undo',
] as const;
export type AuditOperation = (typeof auditOperations)[number];

export interface AuditSession {
  ref: SessionRef;
  format: FormatId;
  title: string;
}

/** One file a write touched; a null hash means the file was not there (before a create, after a delete). */
export interface AuditFile {
  path: string;
  sha256Before: string | null;
  sha256After: string | null;
}

/** One write, as `audit.jsonl` in the app-data directory records it; newest first in `audit.list`. */
export interface AuditEntry {
  /** Also the write's undo id: pass it to undo.apply. */
  id: string;
  at: string;
  operation: AuditOperation;
  /** A bulk delete or restore names every session it moved. */
  sessions: AuditSession[];
  files: AuditFile[];
  /**
   * `interrupted`: the app stopped between announcing the write and finishing it; the hashes
   * before are known, and the file is either as it was or as the write left it.
   */
  status: 'done' | 'failed' | 'interrupted';
  error: string | null;
  /** Words for the write, e.g. `renamed to “Plan”`, `2 sessions`; session text, so shown as text only. */
  detail: string | null;
  /** The undo this entry records reversed the entry with this id. */
  undoes: string | null;
  /** The later undo that reversed this entry. */
  undoneBy: string | null;
  /** Done, not yet undone, and of a kind that can be reversed. */
  undoable: boolean;
}

export interface TrashItem {
  trashId: string;
  deletedAt: string;
  /** When the retention setting purges it. */
  expiresAt: string;
  format: FormatId;
  root: { id: string; path: string };
  sessionId: string;
  title: string;
  sizeBytes: number;
  files: string[];
  /** `moving`: a delete was cut short; restore puts back what reached the trash. */
  state: 'trashed' | 'moving';
}

export interface PurgeResult {
  purged: string[];
  /** `os-trash`: moved to the system's trash (Electron); `deleted`: removed for good. */
  method: 'os-trash' | 'deleted';
  failures: { trashId: string; code: ErrorCode; message: string }[];
}

export interface BulkDeleteResult {
  trashIds: string[];
  summaries: SessionSummary[];
  /** One undo for the whole batch; null when nothing moved. */
  undoId: string | null;
  failures: { ref: SessionRef; code: ErrorCode; message: string }[];
}

export interface BulkRestoreResult {
  summaries: SessionSummary[];
  undoId: string | null;
  failures: { trashId: string; code: ErrorCode; message: string }[];
}

export interface UndoResult {
  /** The entry that was reversed, now with `undoneBy` set. */
  undone: AuditEntry;
  /** The sessions as they are after the undo; a session the undo moved to the trash is absent. */
  summaries: SessionSummary[];
  /** Words for what happened, e.g. `Restored “Plan”`. */
  message: string;
}
