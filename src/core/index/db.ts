/**
 * The search index's database: the files it tracks, a row per session (which is what the session
 * list pages through, so a cold start lists from here without reading a session file), and the
 * full-text documents (schema.ts).
 *
 * One connection, synchronous calls: the index runs in its own worker thread, where a blocking
 * call costs the UI nothing and keeps every multi-statement change a single transaction.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SessionSummary } from '../../shared/model';
import type { SearchRequest, SearchResponse, SessionPage } from '../../shared/search';
import { capBody } from './docs';
import type { DocInput } from './docs';
import { LineIndexRows } from './lines';
import { openDatabase } from './open';
import { docId } from './ids';
import { weightClass } from './rank';
import { SessionFind } from './find';
import type { IndexedFind } from './find';
import { IndexSearch } from './search';
import { IndexStats } from './stats';
import type { IndexedStats, StatsQuery } from './stats';
import { distinctRoots, holdsOnly, nullableText, Statements, wholeAtLeast } from './sql';
import type { Row } from './sql';
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

export class IndexDb {
  private readonly db: DatabaseSync;
  private readonly statements: ReturnType<typeof prepareFixed>;
  private readonly shaped: Statements;
  private readonly searcher: IndexSearch;
  private statistics: IndexStats | null = null;
  private finder: SessionFind | null = null;
  /** Stored JSONL line indexes (lines.ts), read and written by the format stores' caches. */
  readonly lines: LineIndexRows;
  private depth = 0;
  /** What a nested call threw: the outer transaction rolls back even if the throw was caught. */
  private failure: { error: unknown } | null = null;

  private constructor(
    db: DatabaseSync,
    /** Why the database found at the path was set aside, when it was; null after a normal open. */
    readonly recovered: string | null,
  ) {
    this.db = db;
    this.statements = prepareFixed(db);
    this.shaped = new Statements(db);
    this.searcher = new IndexSearch(db);
    this.lines = new LineIndexRows(db);
  }

  /** Opens or creates the database at `path` (open.ts says what happens to a damaged one). */
  static open(path: string): IndexDb {
    const { db, recovered } = openDatabase(path);
    return new IndexDb(db, recovered);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /**
   * BEGIN IMMEDIATE … COMMIT, ROLLBACK on throw. Nested calls join the outer one without a
   * savepoint, because FTS5 writes out its pending segment at every savepoint, which cost a
   * third of indexing time. So a nested call that throws fails the whole transaction, even when
   * its caller catches. `run` must be synchronous: a transaction cannot stay open across an await.
   */
  transaction<T>(run: () => T): T {
    if (this.depth > 0) {
      this.depth += 1;
      try {
        return synchronous(run());
      } catch (error) {
        this.failure ??= { error };
        throw error;
      } finally {
        this.depth -= 1;
      }
    }
    this.db.exec('BEGIN IMMEDIATE');
    this.depth = 1;
    this.failure = null;
    try {
      const result = synchronous(run());
      // run() may have set it: the narrowing from the assignment above does not hold.
      const failure = this.failure as { error: unknown } | null;
      if (failure) throw failure.error;
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.depth = 0;
      this.failure = null;
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
    if (only && only.length > 1 && holdsOnly(this.statements.sessionRoots, only)) only = null;
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
    const total = Number(
      this.shaped.get(`SELECT count(*) AS n FROM sessions ${clause}`).get(...params)?.n ?? 0,
    );
    const items = this.shaped
      .get(
        `SELECT summary, failed_tools FROM sessions ${clause}
          ORDER BY updated_at DESC NULLS LAST, id, root LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset)
      .map((row) => withFailedTools(JSON.parse(String(row.summary)) as SessionSummary, row.failed_tools));
    return { total, offset, items };
  }

  /** Ranked matches grouped by session, with snippets (search.ts). */
  search(request: SearchRequest): SearchResponse {
    return this.searcher.search(request);
  }

  /** The turns of one session that match a query, in order; null when it is not indexed (find.ts). */
  find(root: string, session: string, query: string, limit: number): IndexedFind | null {
    this.finder ??= new SessionFind(this.db);
    return this.finder.find(root, session, query, limit);
  }

  /** The library's activity by day and its tool use (stats.ts). */
  stats(query: StatsQuery): IndexedStats {
    this.statistics ??= new IndexStats(this.db);
    return this.statistics.library(query);
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
    const rows = docs.map((doc, i) => ({
      doc,
      id: docId(doc.time, now, start + i, weightClass(doc.kind, doc.role)),
    }));
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
        doc.outcome === undefined || doc.outcome === null ? null : Number(doc.outcome),
        finiteOrNull(doc.durationMs),
        body,
        terms,
      );
      this.statements.indexDoc.run(id, body, terms);
    }
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
      `INSERT INTO doc_rows (id, root, session, turn, kind, role, tool, time, failed, outcome, duration_ms,
        body, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    sessionRoots: db.prepare(distinctRoots('sessions')),
    counts: db.prepare(
      `SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM files) AS files,
        (SELECT count(*) FROM doc_rows) AS docs`,
    ),
  };
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function synchronous<T>(result: T): T {
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    throw new TypeError(
      'IndexDb.transaction runs synchronous code only: it cannot stay open across an await',
    );
  }
  return result;
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

/**
 * The list's count of failed tool calls comes from the column kept beside the summary, so filtering
 * on it costs no read of the documents; a session still pending has had none of its calls read.
 */
function withFailedTools(summary: SessionSummary, failed: Row[string] | undefined): SessionSummary {
  return summary.pending ? summary : { ...summary, failedToolCalls: Number(failed ?? 0) };
}
