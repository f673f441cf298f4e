/**
 * Test support: ZeroClaw sessions (formats.md §2) in temp roots: `<stem>.jsonl` files of
 * `{"role":…,"content":…}` lines, and the `sessions.db` its SQLite backend keeps beside them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** One message exactly as ZeroClaw's `writeln!` of its serde JSON writes it. */
export function messageLine(role: string, content: string): string {
  return `${JSON.stringify({ role, content })}\n`;
}

/** Writes a session file and returns its path. */
export async function writeJsonl(root: string, stem: string, text: string): Promise<string> {
  const path = join(root, `${stem}.jsonl`);
  await writeFile(path, text);
  return path;
}

export interface MetadataRow {
  key: string;
  createdAt: string;
  lastActivity: string;
  messageCount: number;
  name?: string | null;
  state?: 'idle' | 'running' | 'error';
  turnId?: string | null;
  turnStartedAt?: string | null;
}

/** The schema of `SqliteSessionBackend` at v0.6.5, with the columns its ALTERs add. */
const schema = `
  CREATE TABLE IF NOT EXISTS sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, session_key TEXT NOT NULL,
    role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS session_metadata (session_key TEXT PRIMARY KEY, created_at TEXT NOT NULL,
    last_activity TEXT NOT NULL, message_count INTEGER NOT NULL DEFAULT 0, name TEXT,
    state TEXT NOT NULL DEFAULT 'idle', turn_id TEXT, turn_started_at TEXT);
  CREATE VIRTUAL TABLE IF NOT EXISTS sessions_fts USING fts5(session_key, content, content=sessions,
    content_rowid=id);
`;

export function sessionsDbPath(root: string): string {
  return join(root, 'sessions.db');
}

/** Creates sessions.db (or adds to it) with one session_metadata row per entry. */
export function writeSessionsDb(root: string, rows: MetadataRow[]): void {
  const db = new DatabaseSync(sessionsDbPath(root));
  try {
    db.exec(schema);
    const insert = db.prepare(
      `INSERT INTO session_metadata (session_key, created_at, last_activity, message_count, name, state,
         turn_id, turn_started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of rows) {
      insert.run(
        row.key,
        row.createdAt,
        row.lastActivity,
        row.messageCount,
        row.name ?? null,
        row.state ?? 'idle',
        row.turnId ?? null,
        row.turnStartedAt ?? null,
      );
    }
  } finally {
    db.close();
  }
}

/** A session's session_metadata row as stored, or undefined when it has none. */
export function readMetadataRow(root: string, key: string): Record<string, unknown> | undefined {
  const db = new DatabaseSync(sessionsDbPath(root), { readOnly: true });
  try {
    return db.prepare('SELECT * FROM session_metadata WHERE session_key = ?').get(key);
  } finally {
    db.close();
  }
}
