/**
 * The `line_indexes` table: each large JSONL session file's serialized line index
 * (jsonl/line-index.ts; a yoi log's whole digest, yoi/digest-bytes.ts), stored for one state of the file so a later launch reads it rather than
 * scanning the file. A row describes the file only while its device and inode are the file's and
 * it is no larger than the file: an append leaves it usable (the reader extends it), a replaced or
 * truncated file does not, and such a row is deleted when a read finds it so.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { FileFacts } from '../jsonl';

export class LineIndexRows {
  private readonly statements: {
    get: StatementSync;
    put: StatementSync;
    remove: StatementSync;
    prune: StatementSync;
  };

  constructor(db: DatabaseSync) {
    this.statements = {
      get: db.prepare('SELECT dev, ino, size, data FROM line_indexes WHERE path = ?'),
      put: db.prepare(
        'INSERT OR REPLACE INTO line_indexes (path, dev, ino, size, mtime_ms, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      remove: db.prepare('DELETE FROM line_indexes WHERE path = ?'),
      prune: db.prepare('DELETE FROM line_indexes WHERE path NOT IN (SELECT path FROM files)'),
    };
  }

  /** The stored index of `path` if it can describe the file now in the state `facts`, else null. */
  get(path: string, facts: FileFacts): Uint8Array | null {
    const row = this.statements.get.get(path);
    if (!row) return null;
    const { dev, ino, size, data } = row;
    if (dev !== facts.dev || ino !== facts.ino || typeof size !== 'number' || size > facts.size) {
      this.remove(path);
      return null;
    }
    return data instanceof Uint8Array ? data : null;
  }

  /** Stores `data`, the index of `path` in the state `facts`, in place of any earlier one. */
  put(path: string, facts: FileFacts, data: Uint8Array): void {
    this.statements.put.run(path, facts.dev, facts.ino, facts.size, facts.mtimeMs, data);
  }

  remove(path: string): void {
    this.statements.remove.run(path);
  }

  /**
   * Deletes the rows of files the index no longer tracks (deleted, trashed, or under a root no
   * longer in use), which no read would ever ask for again. Returns how many went.
   */
  prune(): number {
    return Number(this.statements.prune.run().changes);
  }
}
