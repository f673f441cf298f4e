/**
 * The index database's tables. The index is a cache of the session files: when this schema
 * changes, bump SCHEMA_VERSION and an older file is set aside and rebuilt from the sessions,
 * so there are no migrations.
 *
 * Search documents live twice over, as rows (`doc_rows`) and as an FTS5 index over them (`docs`,
 * external content, so the text is stored once). Triggers keep the two in step on every insert,
 * delete and update; nothing writes `docs` directly.
 *
 * A document's id is `(day * 2^35 + counter) * CLASS_SPAN + weight class`: its weight class
 * (rank.ts) in the low bits lets a search weigh every match by its kind from the FTS index
 * alone, without a lookup per match in `doc_rows`; the day of its time (db.ts, dayOf) in the
 * high bits makes row id order time order, which a search over a very common word relies on.
 * Ids stay below 2^53, so they are exact JavaScript numbers.
 * Small columns come before `body` and `terms` so reading them never pulls in a long body's
 * overflow pages.
 */

/** Bump on any change to the tables below or to what a weight class means. */
export const SCHEMA_VERSION = 5;

export const SCHEMA_SQL = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE files (
  path TEXT PRIMARY KEY,
  root TEXT NOT NULL,
  session TEXT NOT NULL,
  -- REAL: Windows file ids pass 2^53, and an INTEGER that large would not read back as a number.
  dev REAL NOT NULL,
  ino REAL NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  indexed_bytes INTEGER NOT NULL,
  indexed_turns INTEGER NOT NULL,
  -- A hash of the bytes just before indexed_bytes: a file rewritten in place and grown is no append.
  fingerprint TEXT,
  state TEXT NOT NULL,
  error TEXT
);
CREATE INDEX files_session ON files (root, session);

CREATE TABLE sessions (
  root TEXT NOT NULL,
  id TEXT NOT NULL,
  format TEXT NOT NULL,
  title TEXT NOT NULL,
  project TEXT,
  created_at TEXT,
  updated_at TEXT,
  turn_count INTEGER NOT NULL,
  size INTEGER NOT NULL,
  state TEXT,
  failed_tools INTEGER NOT NULL,
  summary TEXT NOT NULL,
  PRIMARY KEY (root, id)
);
-- The session list's order, across all roots and within one, read straight off an index.
CREATE INDEX sessions_updated ON sessions (updated_at DESC, id, root);
CREATE INDEX sessions_root_updated ON sessions (root, updated_at DESC, id);

-- Each large JSONL session file's byte-offset line index (jsonl/line-index.ts, serialized; for
-- a yoi log, its whole digest, which holds the line index: yoi/digest-bytes.ts), for the state of
-- the file named by (dev, ino, size, mtime): a launch reads it rather than the file.
CREATE TABLE line_indexes (
  path TEXT PRIMARY KEY,
  dev REAL NOT NULL,
  ino REAL NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  data BLOB NOT NULL
);

CREATE TABLE doc_rows (
  id INTEGER PRIMARY KEY,
  root TEXT NOT NULL,
  session TEXT NOT NULL,
  turn INTEGER,
  kind TEXT NOT NULL,
  role TEXT,
  tool TEXT,
  time TEXT,
  failed INTEGER NOT NULL,
  -- A tool call's: 1 succeeded, 0 failed, NULL where the format does not say (stats.ts).
  outcome INTEGER,
  duration_ms REAL,
  body TEXT NOT NULL,
  terms TEXT NOT NULL
);
CREATE INDEX doc_rows_session ON doc_rows (root, session, turn);

-- Kept in step with doc_rows by db.ts itself, not by triggers: measured here, an insert trigger
-- made indexing three times slower than the same two inserts made from code.
CREATE VIRTUAL TABLE docs USING fts5 (
  body, terms,
  content = 'doc_rows', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
`;
