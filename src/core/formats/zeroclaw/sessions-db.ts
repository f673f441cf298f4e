/**
 * ZeroClaw's `sessions.db` beside the JSONL files (formats.md §2.4): the SQLite backend's
 * `sessions` table (one row per message, keyed by the original session key) and
 * `session_metadata` (names, run states, times). Names and states Sessionscope records go into
 * `session_metadata` exactly as `SqliteSessionBackend` writes them, so either side reads the
 * other's. The `sessions` table is only ever read.
 *
 * Connections are opened per call and closed before returning: ZeroClaw keeps its own connection
 * open in WAL mode, and a busy timeout lets our short transactions queue behind its writes instead
 * of failing. A read opens read-write when it may (but never creates the file), because the last
 * read-write connection to close removes the -wal and -shm files, where a read-only one leaves
 * them behind in the agent's folder.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SQLInputValue } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/errors';
import type { ChatMessage } from './line';

export const DB_NAME = 'sessions.db';

/** A session_metadata row. `state` and the turn columns are null where an older table lacks them. */
export interface MetadataRow {
  key: string;
  createdAt: string | null;
  lastActivity: string | null;
  messageCount: number;
  name: string | null;
  state: string | null;
  turnId: string | null;
  turnStartedAt: string | null;
  /** Every column as stored, for the inspector. */
  columns: Record<string, string | number | null>;
}

/** One key's rows in the `sessions` table (the SQLite backend's messages). */
export interface StoredSession {
  key: string;
  /** Rows ZeroClaw can load: role and content both TEXT. */
  messages: number;
  /** Rows it skips. */
  unreadable: number;
  contentBytes: number;
  firstAt: string | null;
  lastAt: string | null;
}

export interface DbSnapshot {
  exists: boolean;
  metadata: MetadataRow[];
  stored: StoredSession[];
  /** ZeroClaw ≥ 2026-08 stops writing JSONL once this table has a row (formats.md §2.5). */
  importReceipts: boolean;
}

/** What a new session_metadata row starts with when Sessionscope is the first to record a session. */
export interface NewRow {
  createdAt: string;
  lastActivity: string;
  messageCount: number;
}

const BUSY_TIMEOUT_MS = 5_000;
const EMPTY: DbSnapshot = { exists: false, metadata: [], stored: [], importReceipts: false };

export function dbPath(dir: string): string {
  return join(dir, DB_NAME);
}

/**
 * Everything a listing needs from sessions.db. Grouping a large `sessions` table is the costly
 * part, so the answer is kept while sessions.db and its -wal file are unchanged (a WAL commit
 * changes the -wal file, a checkpoint the database), and only when they did not change while
 * it was being read. Callers share the answer and must not change it.
 */
export function readSnapshot(dir: string): DbSnapshot {
  const before = stamp(dir);
  const cached = snapshots.get(dir);
  if (cached && cached.stamp === before) return cached.snapshot;
  const snapshot = withDb(dir, 'read', (db) => {
    if (!db) return EMPTY;
    const tables = tableNames(db);
    return {
      exists: true,
      metadata: tables.has('session_metadata') ? readMetadata(db) : [],
      stored: tables.has('sessions') ? readStored(db) : [],
      importReceipts: tables.has('jsonl_import_receipts') && hasRow(db, 'jsonl_import_receipts'),
    };
  });
  // When the stamp moved during the read (a write, or our own close removing the -wal file),
  // the answer is not kept: the next read settles it.
  if (stamp(dir) === before) snapshots.set(dir, { stamp: before, snapshot });
  return snapshot;
}

const snapshots = new Map<string, { stamp: string; snapshot: DbSnapshot }>();

function stamp(dir: string): string {
  return [dbPath(dir), `${dbPath(dir)}-wal`]
    .map((path) => {
      try {
        const s = lstatSync(path);
        return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
      } catch {
        return '-';
      }
    })
    .join('|');
}

/** Which of ZeroClaw's tables the file has; empty when there is no sessions.db. */
export function tablesIn(dir: string): Set<string> {
  return withDb(dir, 'read', (db) => (db ? tableNames(db) : new Set<string>()));
}

export function importReceiptsExist(dir: string): boolean {
  return withDb(dir, 'read', (db) => {
    if (!db) return false;
    return tableNames(db).has('jsonl_import_receipts') && hasRow(db, 'jsonl_import_receipts');
  });
}

/** A page of the messages the SQLite backend's `load(key)` returns, in its order. */
export function readStoredMessages(dir: string, key: string, from: number, count: number): ChatMessage[] {
  return withDb(dir, 'read', (db) => {
    if (!db || !tableNames(db).has('sessions')) return [];
    const rows = db
      .prepare(
        `SELECT role, content FROM sessions
         WHERE session_key = ? AND typeof(role) = 'text' AND typeof(content) = 'text'
         ORDER BY id LIMIT ? OFFSET ?`,
      )
      .all(key, count, from);
    return rows.map((row) => ({ role: String(row.role), content: String(row.content) }));
  });
}

/** Rows of a stored session ZeroClaw's `load` skips: role or content is not TEXT. */
export function readUnreadableRows(
  dir: string,
  key: string,
): { id: number; preview: string; reason: string }[] {
  return withDb(dir, 'read', (db) => {
    if (!db || !tableNames(db).has('sessions')) return [];
    const rows = db
      .prepare(
        `SELECT id, typeof(role) AS role_type, typeof(content) AS content_type,
                substr(CAST(content AS TEXT), 1, 500) AS head
         FROM sessions
         WHERE session_key = ? AND NOT (typeof(role) = 'text' AND typeof(content) = 'text')
         ORDER BY id`,
      )
      .all(key);
    return rows.map((row) => ({
      id: Number(row.id),
      preview: String(row.head ?? ''),
      reason: `row ${String(row.id)}: role is ${String(row.role_type)} and content is ${String(row.content_type)}, not text`,
    }));
  });
}

/** Calls `visit` with each loadable stored message; the search scans these. */
export function eachStoredMessage(dir: string, visit: (key: string, message: ChatMessage) => void): void {
  withDb(dir, 'read', (db) => {
    if (!db || !tableNames(db).has('sessions')) return;
    const rows = db
      .prepare(
        `SELECT session_key, role, content FROM sessions
         WHERE typeof(session_key) = 'text' AND typeof(role) = 'text' AND typeof(content) = 'text'
         ORDER BY id`,
      )
      .iterate();
    for (const row of rows) {
      visit(String(row.session_key), { role: String(row.role), content: String(row.content) });
    }
  });
}

/** `set_session_name`: an empty name clears it. Inserts the row when ZeroClaw never made one. */
export function writeName(dir: string, key: string, name: string, row: NewRow): void {
  withDb(dir, 'write', (db) => {
    transaction(db, () => {
      db.prepare(
        `INSERT INTO session_metadata (session_key, created_at, last_activity, message_count, name)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(session_key) DO UPDATE SET name = excluded.name`,
      ).run(key, row.createdAt, row.lastActivity, row.messageCount, name === '' ? null : name);
    });
  });
}

/** `set_session_state`: `turn_started_at` is `now` for "running" and NULL otherwise, as ZeroClaw sets it. */
export function writeState(
  dir: string,
  key: string,
  state: string,
  turnId: string | null,
  now: string,
  row: NewRow,
): void {
  withDb(dir, 'write', (db) => {
    transaction(db, () => {
      const startedAt: SQLInputValue = state === 'running' ? now : null;
      db.prepare(
        `INSERT INTO session_metadata
           (session_key, created_at, last_activity, message_count, state, turn_id, turn_started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(session_key) DO UPDATE SET
           state = excluded.state, turn_id = excluded.turn_id, turn_started_at = excluded.turn_started_at`,
      ).run(key, row.createdAt, row.lastActivity, row.messageCount, state, turnId, startedAt);
    });
  });
}

/**
 * ZeroClaw's session_metadata as its SQLite backend creates it: the table as first shipped, then
 * the columns later versions add with ALTER TABLE, added here the same way when an older file
 * lacks them. Only this table is created. The others (`sessions` with its FTS5 index and triggers,
 * `jsonl_import_receipts`) are ZeroClaw's to create with its own DDL on its next start; made by
 * us they could drift from its definitions, and an import-receipts table is what switches newer
 * ZeroClaw's JSONL store off.
 */
function ensureMetadataTable(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS session_metadata (
    session_key   TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    last_activity TEXT NOT NULL,
    message_count INTEGER NOT NULL DEFAULT 0,
    name          TEXT
  )`);
  const columns = columnNames(db);
  const added: [string, string][] = [
    ['name', 'name TEXT'],
    ['state', "state TEXT NOT NULL DEFAULT 'idle'"],
    ['turn_id', 'turn_id TEXT'],
    ['turn_started_at', 'turn_started_at TEXT'],
  ];
  for (const [column, definition] of added) {
    if (!columns.has(column)) db.exec(`ALTER TABLE session_metadata ADD COLUMN ${definition}`);
  }
}

function transaction(db: DatabaseSync, run: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    ensureMetadataTable(db);
    run();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function readMetadata(db: DatabaseSync): MetadataRow[] {
  const rows = db.prepare('SELECT * FROM session_metadata').all();
  const out: MetadataRow[] = [];
  for (const row of rows) {
    if (typeof row.session_key !== 'string') continue;
    const columns = Object.fromEntries(
      Object.entries(row).map(([column, value]) => [column, plainValue(value)]),
    );
    out.push({
      key: row.session_key,
      createdAt: text(row.created_at),
      lastActivity: text(row.last_activity),
      messageCount: typeof row.message_count === 'number' ? row.message_count : 0,
      name: text(row.name),
      state: text(row.state),
      turnId: text(row.turn_id),
      turnStartedAt: text(row.turn_started_at),
      columns,
    });
  }
  return out;
}

function readStored(db: DatabaseSync): StoredSession[] {
  const rows = db
    .prepare(
      `SELECT g.session_key AS key, g.total, g.readable, g.bytes,
              first.created_at AS first_at, last.created_at AS last_at
       FROM (SELECT session_key, COUNT(*) AS total,
                    SUM(typeof(role) = 'text' AND typeof(content) = 'text') AS readable,
                    SUM(length(CAST(content AS BLOB))) AS bytes,
                    MIN(id) AS first_id, MAX(id) AS last_id
             FROM sessions WHERE typeof(session_key) = 'text' GROUP BY session_key) AS g
       JOIN sessions AS first ON first.id = g.first_id
       JOIN sessions AS last ON last.id = g.last_id`,
    )
    .all();
  return rows.map((row) => {
    const messages = Number(row.readable ?? 0);
    return {
      key: String(row.key),
      messages,
      unreadable: Number(row.total ?? 0) - messages,
      contentBytes: Number(row.bytes ?? 0),
      firstAt: text(row.first_at),
      lastAt: text(row.last_at),
    };
  });
}

function tableNames(db: DatabaseSync): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all();
  return new Set(rows.map((row) => String(row.name)));
}

function columnNames(db: DatabaseSync): Set<string> {
  const rows = db.prepare("SELECT name FROM pragma_table_info('session_metadata')").all();
  return new Set(rows.map((row) => String(row.name)));
}

function hasRow(db: DatabaseSync, table: string): boolean {
  return db.prepare(`SELECT EXISTS(SELECT 1 FROM ${table} LIMIT 1) AS found`).get()?.found === 1;
}

/**
 * Opens sessions.db for one call and always closes it. `read` never creates the file and gives
 * `null` when there is none; `write` creates it (in WAL mode, as ZeroClaw would) when missing.
 */
function withDb<T>(dir: string, mode: 'read', use: (db: DatabaseSync | null) => T): T;
function withDb<T>(dir: string, mode: 'write', use: (db: DatabaseSync) => T): T;
function withDb<T>(dir: string, mode: 'read' | 'write', use: (db: DatabaseSync) => T): T {
  const path = dbPath(dir);
  const existed = fileExists(path);
  if (!existed && mode === 'read') return (use as (db: DatabaseSync | null) => T)(null);
  let db: DatabaseSync;
  try {
    db = connect(path, mode === 'write' ? 'rwc' : 'rw');
  } catch (error) {
    if (mode === 'write' || !isReadOnlyRefusal(error)) throw dbError(error);
    try {
      db = connect(path, 'ro');
    } catch (again) {
      throw dbError(again);
    }
  }
  try {
    if (!existed) db.exec('PRAGMA journal_mode = WAL');
    return use(db);
  } catch (error) {
    throw dbError(error);
  } finally {
    db.close();
  }
}

function connect(path: string, mode: 'ro' | 'rw' | 'rwc'): DatabaseSync {
  const url = pathToFileURL(path);
  url.searchParams.set('mode', mode);
  return new DatabaseSync(url, { timeout: BUSY_TIMEOUT_MS });
}

function fileExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw dbError(error);
  }
}

/** SQLITE_CANTOPEN or SQLITE_READONLY: the file or its folder is not writable for us. */
function isReadOnlyRefusal(error: unknown): boolean {
  const code = (error as { errcode?: number }).errcode;
  return code === 14 || code === 8;
}

/** SQLite's primary result codes (the low byte of an extended code) as the contract's codes. */
function dbError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { errcode?: number }).errcode;
  switch (code === undefined ? undefined : code & 0xff) {
    case 5:
    case 6:
      return new AppError('conflict', `sessions.db is busy (another program is writing it): ${detail}`);
    case 11:
    case 26:
      return new AppError('corrupt', `sessions.db is not a readable SQLite database: ${detail}`);
    case 8:
    case 14:
    case 23:
      return new AppError('io', `sessions.db cannot be opened: ${detail}`);
    default:
      return new AppError('io', `sessions.db: ${detail}`);
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function plainValue(value: unknown): string | number | null {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return String(value);
}
