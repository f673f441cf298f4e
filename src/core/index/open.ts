/**
 * Opening the index database: a file that is not one, or holds another schema version, is set
 * aside whole and a fresh one made, because the index is only a cache of the session files.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SQLOutputValue } from 'node:sqlite';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema';
import { isSqliteError } from './sql';

const BUSY_TIMEOUT_MS = 5_000;
/** SQLite's result codes for "this is not a database" and "this database is damaged". */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/**
 * Opens or creates the DB (mkdir -p its directory). WAL, synchronous=NORMAL. A file that is not
 * a readable SQLite DB, or has another schema version, is moved aside to
 * `<path>.broken-<timestamp>` (never deleted) and a fresh DB is made; `recovered` then says
 * what happened. ':memory:' works for tests.
 *
 * Only damage is recovered from: a file that is busy, unreadable for its permissions or on a
 * missing disk throws, because setting it aside would throw away an index that is fine.
 */
export function openDatabase(path: string): { db: DatabaseSync; recovered: string | null } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  try {
    if (path !== ':memory:') checkHeader(path);
    return { db: connect(path), recovered: null };
  } catch (error) {
    const reason = damageOf(error);
    if (reason === null || path === ':memory:') throw error;
    const aside = setAside(path);
    return {
      db: connect(path),
      recovered: `The search index ${reason}; it was moved to ${aside} and is being built again.`,
    };
  }
}

/** Opens the file and makes sure it holds this schema, creating it in an empty file. */
function connect(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    // The first statement reads the header: a file that is not a database fails here.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    // Sorting a search window and grouping never need to touch the disk.
    db.exec('PRAGMA temp_store = MEMORY');
    // FTS5 segments and their merges are B-tree writes: the default 2 MB page cache spills them.
    db.exec('PRAGMA cache_size = -65536');
    // Checked and created under the write lock, so two processes opening a new file agree.
    db.exec('BEGIN IMMEDIATE');
    try {
      const tables = Number(
        db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()?.n,
      );
      if (tables === 0) {
        db.exec(SCHEMA_SQL);
        db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
      } else {
        const hasMeta = db
          .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'")
          .get();
        const version = hasMeta
          ? db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()?.value
          : undefined;
        if (version !== String(SCHEMA_VERSION)) throw new SchemaMismatch(version);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Fails as SQLite would for a file that does not start like a database, but before SQLite opens
 * it: SQLite would delete a -wal file beside it on close, and what is set aside is kept whole.
 * A file still empty (a new database's pages can all be in its -wal) is left to SQLite.
 */
function checkHeader(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    const head = Buffer.alloc(HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read > 0 && (read < HEADER.length || !head.equals(HEADER))) throw new NotADatabase();
  } finally {
    closeSync(fd);
  }
}

class NotADatabase extends Error {
  constructor() {
    super('is not a database file');
  }
}

class SchemaMismatch extends Error {
  constructor(readonly found: SQLOutputValue | undefined) {
    super(
      found === undefined
        ? 'holds tables of another kind'
        : `has schema version ${String(found)}, not ${SCHEMA_VERSION}`,
    );
  }
}

/** Why an open failed in a way a fresh file cures, or null when it did not. */
function damageOf(error: unknown): string | null {
  if (error instanceof SchemaMismatch || error instanceof NotADatabase) return error.message;
  if (isSqliteError(error, SQLITE_NOTADB)) return 'is not a database file';
  if (isSqliteError(error, SQLITE_CORRUPT)) return 'is damaged';
  return null;
}

/**
 * Renames the file, with its -wal and -shm beside it: a -wal left behind would be replayed into
 * the new database at the same path.
 */
function setAside(path: string): string {
  const aside = `${path}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}
