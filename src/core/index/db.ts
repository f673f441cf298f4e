/**
 * The search index's database: the files it tracks, a row per session (which is what the session
 * list pages through, so a cold start lists from here without reading a session file), and the
 * full-text documents (schema.ts).
 *
 * One connection, synchronous calls: the index runs in its own worker thread, where a blocking
 * call costs the UI nothing and keeps every multi-statement change a single transaction.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';
import type { SessionSummary } from '../../shared/model';
import { TOOL_RESULT_INDEX_CHARS } from '../../shared/search';
import type {
  DocKind,
  SearchFilters,
  SearchGroup,
  SearchRequest,
  SearchResponse,
  SessionPage,
} from '../../shared/search';
import { MAX_QUERY_CHARS, parseQuery } from './query';
import { CLASS_SPAN, COLUMN_WEIGHTS, weightClass, weightSql } from './rank';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema';
import { snippetOf } from './snippet';
import { extraTerms } from './text';

export interface TrackedFile {
  path: string;
  root: string;
  session: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** Last complete byte offset the docs cover (JSONL appends resume here). */
  indexedBytes: number;
  /** Turns the docs cover. */
  indexedTurns: number;
  /** Identifies the bytes just before indexedBytes, so an append can be told from a rewrite. */
  fingerprint: string | null;
  state: 'listed' | 'indexed' | 'failed';
  error: string | null;
}

export interface DocInput {
  turn: number | null;
  kind: DocKind;
  role: string | null;
  tool: string | null;
  time: string | null;
  failed: boolean;
  body: string;
}

/**
 * The most a stored body holds, in UTF-8 bytes. Callers cap bodies already (tool results at
 * TOOL_RESULT_INDEX_CHARS); this is the backstop against one pasted log bloating the index.
 */
export const BODY_CAP_BYTES = 256 * 1024;
/** Matches ranked per search: the groups and their hit counts are drawn from these. */
export const SEARCH_WINDOW = 1000;
/**
 * Matches scored at a time (see rankedWindow). bm25 costs a few microseconds a match, more for
 * words repeated within documents; 5,000 keeps one chunk to tens of milliseconds.
 */
export const SCORED_MATCHES = 5_000;
/** After this long a search returns what it has rather than reading older matches. */
export const SEARCH_BUDGET_MS = 40;
/**
 * Ids per day of document time (2^35: unique until that many documents have been written), and
 * the days an id can name (2^15 from 2000: to 2089). With the class below, ids stay under 2^53.
 */
const DAY_SPAN = 2 ** 35;
const FIRST_DAY = Date.UTC(2000, 0, 1) / 86_400_000;
const LAST_DAY = 2 ** 15 - 1;
/** Above every row id, for "no upper bound". */
const MAX_ROWID = 2n ** 63n - 1n;
/** Hits shown per session group. */
export const HITS_PER_GROUP = 3;

const BUSY_TIMEOUT_MS = 5_000;
/** SQLite's result codes for "this is not a database" and "this database is damaged". */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;
/** The generic code FTS5 raises for a MATCH expression it cannot parse. */
const SQLITE_ERROR = 1;

type Row = Record<string, SQLOutputValue>;

interface WindowRow {
  id: number;
  root: string;
  session: string;
  turn: number | null;
  kind: DocKind;
  role: string | null;
  tool: string | null;
  time: string | null;
}

/** A filter as SQL over `f` (the document row) and `s` (its session row), with its parameters. */
interface CompiledFilters {
  where: string[];
  params: SQLInputValue[];
  /** A list filter that is present but empty: nothing can match it. */
  impossible: boolean;
  session: boolean;
  doc: boolean;
}

export class IndexDb {
  private readonly db: DatabaseSync;
  private readonly statements: ReturnType<typeof prepareFixed>;
  /** Statements whose SQL depends on which filters a call uses, prepared once per shape. */
  private readonly shaped = new Map<string, StatementSync>();
  private depth = 0;

  private constructor(
    db: DatabaseSync,
    /** Why the database found at the path was set aside, when it was; null after a normal open. */
    readonly recovered: string | null,
  ) {
    this.db = db;
    this.statements = prepareFixed(db);
  }

  /**
   * Opens or creates the DB (mkdir -p its directory). WAL, synchronous=NORMAL. A file that is not
   * a readable SQLite DB, or has another schema version, is moved aside to
   * `<path>.broken-<timestamp>` (never deleted) and a fresh DB is made; `recovered` then says
   * what happened. ':memory:' works for tests.
   *
   * Only damage is recovered from: a file that is busy, unreadable for its permissions or on a
   * missing disk throws, because setting it aside would throw away an index that is fine.
   */
  static open(path: string): IndexDb {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      if (path !== ':memory:') checkHeader(path);
      return new IndexDb(connect(path), null);
    } catch (error) {
      const reason = damageOf(error);
      if (reason === null || path === ':memory:') throw error;
      const aside = setAside(path);
      return new IndexDb(
        connect(path),
        `The search index ${reason}; it was moved to ${aside} and is being built again.`,
      );
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /**
   * BEGIN IMMEDIATE … COMMIT, ROLLBACK on throw; nested calls join the outer one. A nested call
   * runs in a savepoint, so when it throws and its caller catches, only its own changes are
   * undone. `run` must be synchronous: a transaction cannot stay open across an await.
   */
  transaction<T>(run: () => T): T {
    if (this.depth > 0) {
      const savepoint = `nested_${this.depth}`;
      this.db.exec(`SAVEPOINT ${savepoint}`);
      this.depth += 1;
      try {
        const result = synchronous(run());
        this.db.exec(`RELEASE ${savepoint}`);
        return result;
      } catch (error) {
        this.db.exec(`ROLLBACK TO ${savepoint}`);
        this.db.exec(`RELEASE ${savepoint}`);
        throw error;
      } finally {
        this.depth -= 1;
      }
    }
    this.db.exec('BEGIN IMMEDIATE');
    this.depth = 1;
    try {
      const result = synchronous(run());
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.depth = 0;
    }
  }

  file(path: string): TrackedFile | null {
    const row = this.statements.file.get(path);
    return row ? trackedFile(row) : null;
  }

  files(root?: string): TrackedFile[] {
    const rows = root === undefined ? this.statements.allFiles.all() : this.statements.rootFiles.all(root);
    return rows.map(trackedFile);
  }

  putFile(file: TrackedFile): void {
    this.statements.putFile.run(
      file.path,
      file.root,
      file.session,
      file.dev,
      file.ino,
      file.size,
      file.mtimeMs,
      file.indexedBytes,
      file.indexedTurns,
      file.fingerprint,
      file.state,
      file.error,
    );
  }

  removeFile(path: string): void {
    this.statements.removeFile.run(path);
  }

  /** `failedTools` is kept beside the summary so an append can add to it without a rescan. */
  putSession(summary: SessionSummary, failedTools: number): void {
    this.statements.putSession.run(
      summary.ref.root,
      summary.ref.id,
      summary.format,
      summary.title,
      summary.projectPath,
      summary.createdAt,
      summary.updatedAt,
      summary.turnCount,
      summary.sizeBytes,
      summary.state?.state ?? null,
      failedTools,
      JSON.stringify(summary),
    );
  }

  summary(root: string, id: string): SessionSummary | null {
    const row = this.statements.summary.get(root, id);
    return row ? (JSON.parse(String(row.summary)) as SessionSummary) : null;
  }

  /** The failed tool calls last recorded with putSession; 0 for a session not stored. */
  failedTools(root: string, id: string): number {
    const row = this.statements.failedTools.get(root, id);
    return row ? Number(row.failed_tools) : 0;
  }

  sessionIds(root: string): string[] {
    return this.statements.sessionIds.all(root).map((row) => String(row.id));
  }

  /** Removes the session row, its tracked files and its docs. */
  dropSession(root: string, id: string): void {
    this.transaction(() => {
      this.statements.unindexSessionDocs.run(root, id);
      this.statements.deleteSessionDocs.run(root, id);
      this.statements.deleteSessionFiles.run(root, id);
      this.statements.deleteSession.run(root, id);
    });
  }

  /** Every document goes through the delete trigger, so this costs about what indexing the root did. */
  dropRoot(root: string): void {
    this.transaction(() => {
      this.statements.unindexRootDocs.run(root);
      this.statements.deleteRootDocs.run(root);
      this.statements.deleteRootFiles.run(root);
      this.statements.deleteRootSessions.run(root);
    });
  }

  /**
   * Deletes the session's docs with turn >= fromTurn (every doc of the session, turn-less ones
   * too, when fromTurn is null), then inserts `docs`, computing `terms` with extraTerms.
   */
  replaceDocs(root: string, session: string, fromTurn: number | null, docs: DocInput[]): void {
    this.transaction(() => {
      if (fromTurn === null) {
        this.statements.unindexSessionDocs.run(root, session);
        this.statements.deleteSessionDocs.run(root, session);
      } else {
        this.statements.unindexDocsFrom.run(root, session, fromTurn);
        this.statements.deleteDocsFrom.run(root, session, fromTurn);
      }
      this.insertDocs(root, session, docs);
    });
  }

  /** Replaces just the session's own metadata documents (kind 'session'), leaving its turns, facts and preferences. */
  replaceSessionDocs(root: string, session: string, docs: DocInput[]): void {
    this.transaction(() => {
      this.statements.unindexMetadataDocs.run(root, session);
      this.statements.deleteMetadataDocs.run(root, session);
      this.insertDocs(root, session, docs);
    });
  }

  /**
   * Sessions newest first (updatedAt desc, nulls last, then id), from the sessions table alone.
   * `roots`, when given, keeps only sessions of those roots (an empty list keeps none).
   */
  page(query: { root?: string; roots?: string[]; offset: number; limit: number }): SessionPage {
    const offset = wholeAtLeast(query.offset, 0);
    const limit = wholeAtLeast(query.limit, 0);
    let only = query.root === undefined ? null : [query.root];
    if (query.roots !== undefined) {
      const wanted = new Set(query.roots);
      only = only ? only.filter((root) => wanted.has(root)) : [...wanted];
    }
    if (only?.length === 0) return { total: 0, offset, items: [] };
    // A list naming every root held filters nothing, and would cost a sort of every session
    // instead of a walk along the index; one root walks its own index.
    if (only && only.length > 1 && this.holdsOnly('sessionRoots', only)) only = null;
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    if (only?.length === 1) {
      where.push('root = ?');
      params.push(only[0] as string);
    } else if (only) {
      where.push('root IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(only));
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number(this.shape(`SELECT count(*) AS n FROM sessions ${clause}`).get(...params)?.n ?? 0);
    const items = this.shape(
      `SELECT summary FROM sessions ${clause} ORDER BY updated_at DESC NULLS LAST, id, root LIMIT ? OFFSET ?`,
    )
      .all(...params, limit, offset)
      .map((row) => JSON.parse(String(row.summary)) as SessionSummary);
    return { total, offset, items };
  }

  /**
   * Ranks up to SEARCH_WINDOW matching documents (bm25, weighted by kind: rank.ts), groups them
   * by session in the order of each session's best hit, and cuts a snippet for the hits shown.
   * `query` in the answer is the input as parseQuery reads it (cleanQuery). A session whose row
   * is missing is left out: without its summary there is nothing to show for it.
   */
  search(request: SearchRequest): SearchResponse {
    const parsed = parseQuery(request.query);
    const empty: SearchResponse = {
      query: cleanQuery(request.query),
      capped: parsed.capped,
      groups: [],
      toolResultCap: TOOL_RESULT_INDEX_CHARS,
    };
    const limit = Math.min(wholeAtLeast(request.limit, 0), SEARCH_WINDOW);
    const filters = compileFilters(this.withoutNeedlessRoots(request.filters ?? {}));
    if (parsed.match === null || limit === 0 || filters.impossible) return empty;

    let window: WindowRow[];
    try {
      window = this.rankedWindow(parsed.match, filters);
    } catch (error) {
      // parseQuery only ever builds a MATCH that parses, but the text inside it is hostile: an
      // expression FTS5 still refuses is no result, not a crash. Other errors (a damaged file) go on up.
      if (isSqliteError(error, SQLITE_ERROR)) return empty;
      throw error;
    }

    const bySession = new Map<string, { root: string; session: string; rows: WindowRow[] }>();
    for (const row of window) {
      const key = `${row.root}\0${row.session}`;
      const group = bySession.get(key);
      if (group) group.rows.push(row);
      else bySession.set(key, { root: row.root, session: row.session, rows: [row] });
    }
    const groups: SearchGroup[] = [];
    for (const { root, session, rows } of bySession.values()) {
      if (groups.length >= limit) break;
      const summary = this.summary(root, session);
      if (!summary) continue;
      const hits = rows.slice(0, HITS_PER_GROUP).map((row) => ({
        turn: row.turn,
        kind: row.kind,
        role: row.role,
        tool: row.tool,
        time: row.time,
        snippet: snippetOf(String(this.statements.body.get(row.id)?.body ?? ''), parsed.highlights),
      }));
      groups.push({ session: summary, hits, hitCount: rows.length });
    }
    return { ...empty, groups };
  }

  counts(): { sessions: number; files: number; docs: number } {
    const row = this.statements.counts.get() ?? {};
    return {
      sessions: Number(row.sessions ?? 0),
      files: Number(row.files ?? 0),
      docs: Number(row.docs ?? 0),
    };
  }

  /**
   * The filters without a roots list that names every root the index holds, as the service's
   * always does: that filter excludes nothing, yet would cost a row lookup for every match.
   */
  private withoutNeedlessRoots(filters: SearchFilters): SearchFilters {
    if (!filters.roots || filters.roots.length === 0) return filters;
    if (!this.holdsOnly('docRoots', filters.roots)) return filters;
    const rest = { ...filters };
    delete rest.roots;
    return rest;
  }

  /** Whether every root the table holds is one of `roots`. */
  private holdsOnly(table: 'docRoots' | 'sessionRoots', roots: string[]): boolean {
    const wanted = new Set(roots);
    return this.statements[table].all().every((row) => wanted.has(String(row.root)));
  }

  /**
   * The best SEARCH_WINDOW matches, best first, scoring at most SCORED_MATCHES at a time.
   *
   * FTS5 computes bm25 for every match before it can sort, so a word in half the documents
   * would cost time in proportion to the whole index. Instead the matches are taken newest
   * first (by row id, which FTS5 walks cheaply without scoring) in chunks of SCORED_MATCHES:
   * each chunk is scored and filtered, and the best of all chunks so far kept (bm25 uses
   * index-wide statistics, so scores from different chunks compare). It stops when the matches
   * run out, when the window is full, or when SEARCH_BUDGET_MS have passed with something to
   * show. So a rare word is ranked over every match, exactly; a common word over its newest
   * matches; and a narrow filter over a common word reads further back until it finds hits.
   */
  private rankedWindow(match: string, filters: CompiledFilters): WindowRow[] {
    const started = performance.now();
    const from = ['docs'];
    if (filters.doc || filters.session) from.push('JOIN doc_rows f ON f.id = docs.rowid');
    if (filters.session) from.push('JOIN sessions s ON s.root = f.root AND s.id = f.session');
    const where = ['docs MATCH ?', ...filters.where].join(' AND ');
    const floorOf = this.shape(
      'SELECT rowid AS id FROM docs WHERE docs MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
    );
    const weights = `${COLUMN_WEIGHTS.body.toFixed(3)}, ${COLUMN_WEIGHTS.terms.toFixed(3)}`;
    const score = `bm25(docs, ${weights}) * ${weightSql('docs.rowid')}`;
    // Materialised, so the document rows are read for the chunk's best only, not every match.
    const chunk = this.shape(`WITH top AS MATERIALIZED (
        SELECT docs.rowid AS id, ${score} AS score FROM ${from.join(' ')}
        WHERE ${where} AND docs.rowid >= ? AND docs.rowid < ? ORDER BY score, docs.rowid DESC LIMIT ?)
      SELECT d.id, d.root, d.session, d.turn, d.kind, d.role, d.tool, d.time, top.score
      FROM top JOIN doc_rows d ON d.id = top.id`);

    let window: (WindowRow & { score: number })[] = [];
    let upper: number | bigint = MAX_ROWID;
    for (;;) {
      const floorRow: Row | undefined = floorOf.get(match, upper, SCORED_MATCHES - 1);
      const floor: number = floorRow ? Number(floorRow.id) : 0;
      const rows = chunk.all(match, ...filters.params, floor, upper, SEARCH_WINDOW).map(windowRow);
      window = [...window, ...rows].sort((a, b) => a.score - b.score || b.id - a.id).slice(0, SEARCH_WINDOW);
      const spent = performance.now() - started > SEARCH_BUDGET_MS;
      if (floor === 0 || window.length >= SEARCH_WINDOW || (spent && window.length > 0)) return window;
      upper = floor;
    }
  }

  /**
   * Ids order documents by the day of their time (see schema.ts), so "the newest matches" that
   * a common word is ranked over are the newest by time, whatever order the files were indexed
   * in. Below the day is a counter kept in `meta` that only ever goes up, so an id is never
   * handed out twice, even after its document is deleted: an unchanged id means an unchanged
   * document. It is read and advanced inside the write transaction, so two writers cannot
   * share one. Rows go in by ascending id, because FTS5 flushes its pending segment whenever
   * a row id goes down.
   */
  private insertDocs(root: string, session: string, docs: DocInput[]): void {
    if (docs.length === 0) return;
    const now = Date.now();
    const start = Number(this.statements.nextDocCounter.get()?.value ?? 0);
    this.statements.setNextDocCounter.run(String(start + docs.length));
    const rows = docs.map((doc, i) => {
      const sequence = dayOf(doc.time, now) * DAY_SPAN + ((start + i) % DAY_SPAN);
      return { doc, id: sequence * CLASS_SPAN + weightClass(doc.kind, doc.role) };
    });
    rows.sort((a, b) => a.id - b.id);
    for (const { doc, id } of rows) {
      const body = capBody(doc.body);
      const terms = extraTerms(body);
      this.statements.insertDoc.run(
        id,
        root,
        session,
        doc.turn,
        doc.kind,
        doc.role,
        doc.tool,
        doc.time,
        doc.failed ? 1 : 0,
        body,
        terms,
      );
      this.statements.indexDoc.run(id, body, terms);
    }
  }

  private shape(sql: string): StatementSync {
    let statement = this.shaped.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.shaped.set(sql, statement);
    }
    return statement;
  }
}

/** Takes documents out of the full-text index; the rows themselves are deleted next. */
function unindex(where: string): string {
  return `INSERT INTO docs (docs, rowid, body, terms) SELECT 'delete', id, body, terms FROM doc_rows WHERE ${where}`;
}

function prepareFixed(db: DatabaseSync) {
  const fileColumns =
    'path, root, session, dev, ino, size, mtime_ms, indexed_bytes, indexed_turns, fingerprint, state, error';
  return {
    file: db.prepare(`SELECT ${fileColumns} FROM files WHERE path = ?`),
    allFiles: db.prepare(`SELECT ${fileColumns} FROM files ORDER BY path`),
    rootFiles: db.prepare(`SELECT ${fileColumns} FROM files WHERE root = ? ORDER BY path`),
    putFile: db.prepare(
      `INSERT OR REPLACE INTO files (${fileColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    removeFile: db.prepare('DELETE FROM files WHERE path = ?'),
    putSession: db.prepare(
      `INSERT OR REPLACE INTO sessions (root, id, format, title, project, created_at, updated_at, turn_count,
        size, state, failed_tools, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    summary: db.prepare('SELECT summary FROM sessions WHERE root = ? AND id = ?'),
    failedTools: db.prepare('SELECT failed_tools FROM sessions WHERE root = ? AND id = ?'),
    sessionIds: db.prepare('SELECT id FROM sessions WHERE root = ? ORDER BY id'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE root = ? AND id = ?'),
    deleteSessionFiles: db.prepare('DELETE FROM files WHERE root = ? AND session = ?'),
    deleteSessionDocs: db.prepare('DELETE FROM doc_rows WHERE root = ? AND session = ?'),
    unindexSessionDocs: db.prepare(unindex('root = ? AND session = ?')),
    deleteDocsFrom: db.prepare('DELETE FROM doc_rows WHERE root = ? AND session = ? AND turn >= ?'),
    unindexDocsFrom: db.prepare(unindex('root = ? AND session = ? AND turn >= ?')),
    deleteMetadataDocs: db.prepare(
      "DELETE FROM doc_rows WHERE root = ? AND session = ? AND turn IS NULL AND kind = 'session'",
    ),
    unindexMetadataDocs: db.prepare(
      unindex("root = ? AND session = ? AND turn IS NULL AND kind = 'session'"),
    ),
    deleteRootSessions: db.prepare('DELETE FROM sessions WHERE root = ?'),
    deleteRootFiles: db.prepare('DELETE FROM files WHERE root = ?'),
    deleteRootDocs: db.prepare('DELETE FROM doc_rows WHERE root = ?'),
    unindexRootDocs: db.prepare(unindex('root = ?')),
    indexDoc: db.prepare('INSERT INTO docs (rowid, body, terms) VALUES (?, ?, ?)'),
    nextDocCounter: db.prepare("SELECT value FROM meta WHERE key = 'next_doc'"),
    setNextDocCounter: db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_doc', ?)"),
    insertDoc: db.prepare(
      `INSERT INTO doc_rows (id, root, session, turn, kind, role, tool, time, failed, body, terms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    body: db.prepare('SELECT body FROM doc_rows WHERE id = ?'),
    docRoots: db.prepare(distinctRoots('doc_rows')),
    sessionRoots: db.prepare(distinctRoots('sessions')),
    counts: db.prepare(
      `SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM files) AS files,
        (SELECT count(*) FROM doc_rows) AS docs`,
    ),
  };
}

/** The distinct roots of a table, skipping along its index: one seek per root rather than a scan. */
function distinctRoots(table: 'doc_rows' | 'sessions'): string {
  return `WITH RECURSIVE r (root) AS (
      SELECT min(root) FROM ${table}
      UNION ALL SELECT (SELECT min(root) FROM ${table} WHERE root > r.root) FROM r WHERE r.root IS NOT NULL)
    SELECT root FROM r WHERE root IS NOT NULL`;
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

function isSqliteError(error: unknown, code: number): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR' &&
    (error as { errcode?: unknown }).errcode === code
  );
}

function synchronous<T>(result: T): T {
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    throw new TypeError(
      'IndexDb.transaction runs synchronous code only: it cannot stay open across an await',
    );
  }
  return result;
}

/**
 * SearchFilters as SQL. Every value is a bound parameter; lists go in as one JSON array read
 * with json_each, so the SQL (and the prepared statement) depends only on which filters are set.
 */
function compileFilters(filters: SearchFilters): CompiledFilters {
  const out: CompiledFilters = { where: [], params: [], impossible: false, session: false, doc: false };
  const list = (values: string[] | undefined, column: string, onSession: boolean, fold = false): void => {
    if (values === undefined) return;
    if (values.length === 0) out.impossible = true;
    out.where.push(
      fold
        ? `lower(${column}) IN (SELECT lower(value) FROM json_each(?))`
        : `${column} IN (SELECT value FROM json_each(?))`,
    );
    out.params.push(JSON.stringify(values));
    if (onSession) out.session = true;
    else out.doc = true;
  };
  list(filters.formats, 's.format', true);
  list(filters.roots, 'f.root', false);
  list(filters.roles, 'f.role', false, true);
  list(filters.states, 's.state', true);
  if (filters.project) {
    // instr, not LIKE: a path's % and _ are just characters.
    out.where.push('instr(lower(s.project), lower(?)) > 0');
    out.params.push(filters.project);
    out.session = true;
  }
  const tool = filters.tool?.trim();
  if (tool) {
    out.where.push('f.tool = ? COLLATE NOCASE');
    out.params.push(tool);
    out.doc = true;
  }
  if (filters.from) {
    out.where.push('COALESCE(f.time, s.updated_at) >= ?');
    out.params.push(filters.from);
    out.session = true;
  }
  if (filters.to) {
    out.where.push('COALESCE(f.time, s.updated_at) <= ?');
    // A date alone means up to the end of that day: every time of it sorts below "T99".
    out.params.push(/^\d{4}-\d{2}-\d{2}$/.test(filters.to) ? `${filters.to}T99` : filters.to);
    out.session = true;
  }
  if (filters.toolFailed) {
    out.where.push("f.kind = 'tool' AND f.failed = 1");
    out.doc = true;
  }
  return out;
}

/**
 * The query text as parseQuery reads it: cut to MAX_QUERY_CHARS, control characters as spaces,
 * lone surrogates dropped. query.ts keeps its cleaned text to itself, so this mirrors its first
 * lines; keep the two in step.
 */
function cleanQuery(input: string): string {
  return String(input)
    .slice(0, MAX_QUERY_CHARS)
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\p{Cs}/gu, '');
}

/** Days since 2000 of a document's time; a document without one (or with nonsense) counts as written now. */
function dayOf(time: string | null, now: number): number {
  const ms = time === null ? NaN : Date.parse(time);
  const day = Math.floor((Number.isFinite(ms) ? ms : now) / 86_400_000) - FIRST_DAY;
  return Math.min(Math.max(day, 0), LAST_DAY);
}

/** The body cut to BODY_CAP_BYTES of UTF-8, never inside a character. */
function capBody(body: string): string {
  if (body.length * 3 <= BODY_CAP_BYTES) return body;
  const { read } = new TextEncoder().encodeInto(body, new Uint8Array(BODY_CAP_BYTES));
  return body.slice(0, read);
}

function windowRow(row: Row): WindowRow & { score: number } {
  return {
    id: Number(row.id),
    root: String(row.root),
    session: String(row.session),
    turn: row.turn === null ? null : Number(row.turn),
    kind: String(row.kind) as DocKind,
    role: nullableText(row.role),
    tool: nullableText(row.tool),
    time: nullableText(row.time),
    score: Number(row.score),
  };
}

function trackedFile(row: Row): TrackedFile {
  return {
    path: String(row.path),
    root: String(row.root),
    session: String(row.session),
    dev: Number(row.dev),
    ino: Number(row.ino),
    size: Number(row.size),
    mtimeMs: Number(row.mtime_ms),
    indexedBytes: Number(row.indexed_bytes),
    indexedTurns: Number(row.indexed_turns),
    fingerprint: nullableText(row.fingerprint),
    state: String(row.state) as TrackedFile['state'],
    error: nullableText(row.error),
  };
}

function nullableText(value: SQLOutputValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

function wholeAtLeast(value: number, min: number): number {
  return Number.isFinite(value) ? Math.max(min, Math.floor(value)) : min;
}
