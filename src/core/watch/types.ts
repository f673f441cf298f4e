/** What the watcher tells the Library. What the UI shows about it, WatchStatus, is in the contract (shared/watch.ts). */
import type { FormatId } from '../../shared/model';

export type { RootWatchStatus, WatchStatus } from '../../shared/watch';

/** A root to watch: its directory and the format whose files count as sessions there. */
export interface WatchedRoot {
  id: string;
  path: string;
  /** Null for a root with no format detected yet: any file some format would read is reported. */
  format: FormatId | null;
}

export type FileEvent = 'add' | 'change' | 'unlink';

/**
 * `main`: the session's own file, the one the index tracks; `companion`: another file of the
 * session (yoi's `<id>.trace.jsonl`); `shared`: a file every session of the root depends on
 * (ZeroClaw's sessions.db, which holds names, run states and SQLite-backed sessions).
 */
export type FileRole = 'main' | 'companion' | 'shared';

export interface FileChange {
  /** Absolute path of the session file (never a temp file or an SQLite side file). */
  path: string;
  /**
   * The net effect since the previous batch: `unlink` when the file is gone; otherwise `add` when
   * the watcher first saw it appear, `change` when it was there before (appended to, rewritten,
   * or replaced by a rename). Either way the file is to be read again: the receiver's own scan
   * may already know an added file, and may have seen a file that was added and then removed.
   */
  event: FileEvent;
  role: FileRole;
  /** The session id the file name gives; null for a shared file. */
  session: string | null;
}

export interface RootChange {
  root: string;
  /**
   * Changes may have gone unseen (the directory was removed or created again, or the watcher
   * switched to polling), so the root must be enumerated again; `files` still lists what was seen.
   */
  resync: boolean;
  files: FileChange[];
}

/** One message: every root with something to report since the previous one. */
export interface WatchBatch {
  roots: RootChange[];
}
