import { readdir, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import {
  dbPath,
  importReceiptsExist,
  readSnapshot,
  readStoredMessages,
  readUnreadableRows,
  tablesIn,
  writeName,
  writeState,
} from './sessions-db';
import { appendSqliteMessage, code, withTempDir } from './testkit';

const row = {
  createdAt: '2026-03-01T00:00:00+00:00',
  lastActivity: '2026-03-02T00:00:00.5+00:00',
  messageCount: 3,
};

/** session_metadata as ZeroClaw v0.6.5 ends up with it, column by column. */
const ZEROCLAW_COLUMNS = [
  { name: 'session_key', type: 'TEXT', notnull: 0, dflt_value: null, pk: 1 },
  { name: 'created_at', type: 'TEXT', notnull: 1, dflt_value: null, pk: 0 },
  { name: 'last_activity', type: 'TEXT', notnull: 1, dflt_value: null, pk: 0 },
  { name: 'message_count', type: 'INTEGER', notnull: 1, dflt_value: '0', pk: 0 },
  { name: 'name', type: 'TEXT', notnull: 0, dflt_value: null, pk: 0 },
  { name: 'state', type: 'TEXT', notnull: 1, dflt_value: "'idle'", pk: 0 },
  { name: 'turn_id', type: 'TEXT', notnull: 0, dflt_value: null, pk: 0 },
  { name: 'turn_started_at', type: 'TEXT', notnull: 0, dflt_value: null, pk: 0 },
];

function query<T>(dir: string, run: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(dbPath(dir));
  try {
    return run(db);
  } finally {
    db.close();
  }
}

/** ZeroClaw's SQLite backend schema and its `append`, as SqliteSessionBackend runs them. */
function zeroclawDb(dir: string, messages: [string, string, string | Uint8Array, string][]): void {
  query(dir, (db) => {
    db.exec(`PRAGMA journal_mode = WAL;
      CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, session_key TEXT NOT NULL,
        role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE session_metadata (session_key TEXT PRIMARY KEY, created_at TEXT NOT NULL,
        last_activity TEXT NOT NULL, message_count INTEGER NOT NULL DEFAULT 0, name TEXT);
      CREATE VIRTUAL TABLE sessions_fts USING fts5(session_key, content, content=sessions, content_rowid=id);
      CREATE TRIGGER sessions_ai AFTER INSERT ON sessions BEGIN
        INSERT INTO sessions_fts(rowid, session_key, content) VALUES (new.id, new.session_key, new.content);
      END;
      ALTER TABLE session_metadata ADD COLUMN state TEXT NOT NULL DEFAULT 'idle';
      ALTER TABLE session_metadata ADD COLUMN turn_id TEXT;
      ALTER TABLE session_metadata ADD COLUMN turn_started_at TEXT;`);
    for (const [key, role, content, at] of messages) appendSqliteMessage(db, key, at, role, content);
  });
}

describe('sessions.db', () => {
  it('reads nothing and creates nothing when there is no sessions.db', async () => {
    await withTempDir(async (dir) => {
      expect(readSnapshot(dir)).toEqual({ exists: false, metadata: [], stored: [], importReceipts: false });
      expect(tablesIn(dir).size).toBe(0);
      expect(importReceiptsExist(dir)).toBe(false);
      expect(readStoredMessages(dir, 'k', 0, 10)).toEqual([]);
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it("creates only session_metadata, with exactly ZeroClaw's columns, in WAL mode", async () => {
    await withTempDir(async (dir) => {
      writeName(dir, 'telegram_1_a', 'First', row);
      query(dir, (db) => {
        expect(
          db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .all()
            .map((r) => r.name),
        ).toEqual(['session_metadata']);
        expect(
          db
            .prepare(
              'SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(\'session_metadata\')',
            )
            .all(),
        ).toEqual(ZEROCLAW_COLUMNS.map((c) => expect.objectContaining(c)));
        expect(db.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
        expect(db.prepare('SELECT * FROM session_metadata').all()).toEqual([
          expect.objectContaining({
            session_key: 'telegram_1_a',
            created_at: row.createdAt,
            last_activity: row.lastActivity,
            message_count: 3,
            name: 'First',
            state: 'idle',
            turn_id: null,
            turn_started_at: null,
          }),
        ]);
      });
      expect(await readdir(dir)).toEqual(['sessions.db']);
    });
  });

  it('adds the columns an older session_metadata lacks, keeping its rows', async () => {
    await withTempDir(async (dir) => {
      query(dir, (db) => {
        db.exec(`CREATE TABLE session_metadata (session_key TEXT PRIMARY KEY, created_at TEXT NOT NULL,
          last_activity TEXT NOT NULL, message_count INTEGER NOT NULL DEFAULT 0)`);
        db.prepare('INSERT INTO session_metadata VALUES (?, ?, ?, ?)').run(
          'old',
          '2025-01-01T00:00:00+00:00',
          '2025-01-01T00:00:00+00:00',
          9,
        );
      });
      expect(readSnapshot(dir).metadata).toEqual([
        expect.objectContaining({
          key: 'old',
          messageCount: 9,
          name: null,
          state: null,
          turnStartedAt: null,
        }),
      ]);
      writeState(dir, 'new', 'running', 'turn-1', '2026-03-26T10:00:00.123+00:00', row);
      query(dir, (db) => {
        expect(
          db
            .prepare("SELECT name FROM pragma_table_info('session_metadata')")
            .all()
            .map((r) => r.name),
        ).toEqual(ZEROCLAW_COLUMNS.map((c) => c.name));
        expect(db.prepare('SELECT * FROM session_metadata ORDER BY session_key').all()).toEqual([
          expect.objectContaining({
            session_key: 'new',
            state: 'running',
            turn_id: 'turn-1',
            turn_started_at: '2026-03-26T10:00:00.123+00:00',
          }),
          expect.objectContaining({ session_key: 'old', message_count: 9, state: 'idle', turn_id: null }),
        ]);
      });
    });
  });

  it("reads rows ZeroClaw's SQLite backend wrote, and ZeroClaw reads ours", async () => {
    await withTempDir(async (dir) => {
      zeroclawDb(dir, [
        ['gw_1', 'user', 'hello', '2026-03-26T10:00:00.123456789+00:00'],
        ['gw_1', 'assistant', 'hi there', '2026-03-26T10:00:01+00:00'],
        ['gw_1', 'tool', new Uint8Array([1, 2]), '2026-03-26T10:00:02+00:00'],
        ['gw_2', 'user', 'other', '2026-03-26T11:00:00+00:00'],
      ]);
      const snapshot = readSnapshot(dir);
      expect(snapshot.stored).toEqual([
        {
          key: 'gw_1',
          messages: 2,
          unreadable: 1,
          contentBytes: 15,
          firstAt: '2026-03-26T10:00:00.123456789+00:00',
          lastAt: '2026-03-26T10:00:02+00:00',
        },
        {
          key: 'gw_2',
          messages: 1,
          unreadable: 0,
          contentBytes: 5,
          firstAt: expect.any(String),
          lastAt: expect.any(String),
        },
      ]);
      expect(snapshot.metadata.find((m) => m.key === 'gw_1')).toMatchObject({
        createdAt: '2026-03-26T10:00:00.123456789+00:00',
        lastActivity: '2026-03-26T10:00:02+00:00',
        messageCount: 3,
        state: 'idle',
        columns: expect.objectContaining({ session_key: 'gw_1', message_count: 3 }),
      });
      expect(readStoredMessages(dir, 'gw_1', 1, 5)).toEqual([{ role: 'assistant', content: 'hi there' }]);
      expect(readUnreadableRows(dir, 'gw_1')).toEqual([
        { id: 3, preview: expect.any(String), reason: 'row 3: role is text and content is blob, not text' },
      ]);

      writeName(dir, 'gw_1', 'Greeting', row);
      writeState(dir, 'gw_1', 'running', 't-9', '2026-03-27T00:00:00+00:00', row);
      // ZeroClaw's get_session_name / get_session_state queries, verbatim in meaning.
      query(dir, (db) => {
        expect(db.prepare('SELECT name FROM session_metadata WHERE session_key = ?').get('gw_1')?.name).toBe(
          'Greeting',
        );
        expect(
          db
            .prepare('SELECT state, turn_id, turn_started_at FROM session_metadata WHERE session_key = ?')
            .get('gw_1'),
        ).toEqual({
          state: 'running',
          turn_id: 't-9',
          turn_started_at: '2026-03-27T00:00:00+00:00',
        });
        // the upsert touched only its own columns
        expect(
          db
            .prepare('SELECT created_at, message_count FROM session_metadata WHERE session_key = ?')
            .get('gw_1'),
        ).toEqual({
          created_at: '2026-03-26T10:00:00.123456789+00:00',
          message_count: 3,
        });
        expect(db.prepare('SELECT COUNT(*) AS n FROM sessions').get()?.n).toBe(4);
      });

      writeState(dir, 'gw_1', 'idle', null, '2026-03-27T00:01:00+00:00', row);
      writeName(dir, 'gw_1', '', row);
      expect(readSnapshot(dir).metadata.find((m) => m.key === 'gw_1')).toMatchObject({
        name: null,
        state: 'idle',
        turnId: null,
        turnStartedAt: null,
      });
      expect(await readdir(dir)).toEqual(['sessions.db']);
    });
  });

  it('notices JSONL import receipts only when the table has a row', async () => {
    await withTempDir(async (dir) => {
      zeroclawDb(dir, []);
      query(dir, (db) =>
        db.exec(`CREATE TABLE jsonl_import_receipts (source_name TEXT PRIMARY KEY, session_key TEXT NOT NULL,
          source_hash TEXT NOT NULL, source_len INTEGER NOT NULL, imported_at TEXT NOT NULL)`),
      );
      expect(importReceiptsExist(dir)).toBe(false);
      query(dir, (db) =>
        db
          .prepare('INSERT INTO jsonl_import_receipts VALUES (?, ?, ?, ?, ?)')
          .run('a.jsonl', 'a', 'ff', 2, '2026-08-01T00:00:00+00:00'),
      );
      expect(importReceiptsExist(dir)).toBe(true);
      expect(readSnapshot(dir).importReceipts).toBe(true);
    });
  });

  it('reports a file that is not a database as corrupt', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        dbPath(dir),
        'this is not sqlite, just text that is long enough to have a header'.repeat(10),
      );
      expect(await code(Promise.resolve().then(() => readSnapshot(dir)))).toBe('corrupt');
      expect(await code(Promise.resolve().then(() => writeName(dir, 'k', 'n', row)))).toBe('corrupt');
    });
  });

  it('keeps names of any script and drops nothing else', async () => {
    await withTempDir(async (dir) => {
      writeName(dir, 'user_Алиса', '日本語の名前 🇯🇵', row);
      expect(readSnapshot(dir).metadata[0]).toMatchObject({ key: 'user_Алиса', name: '日本語の名前 🇯🇵' });
    });
  });
});
