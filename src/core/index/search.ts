/**
 * Full-text search over the index database: ranks matching documents, groups them by session and
 * cuts their snippets.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { SessionSummary } from '../../shared/model';
import { TOOL_RESULT_INDEX_CHARS } from '../../shared/search';
import type { DocKind, SearchFilters, SearchGroup, SearchRequest, SearchResponse } from '../../shared/search';
import { MAX_QUERY_CHARS, parseQuery } from './query';
import { COLUMN_WEIGHTS, weightSql } from './rank';
import { snippetOf } from './snippet';
import { distinctRoots, holdsOnly, isSqliteError, nullableText, Statements, wholeAtLeast } from './sql';
import type { Row } from './sql';

/** Matches ranked per search: the groups and their hit counts are drawn from these. */
export const SEARCH_WINDOW = 1000;
/**
 * Matches scored at a time (see rankedWindow). bm25 costs a few microseconds a match, more for
 * words repeated within documents; 5,000 keeps one chunk to tens of milliseconds.
 */
export const SCORED_MATCHES = 5_000;
/** After this long a search returns what it has rather than reading older matches. */
export const SEARCH_BUDGET_MS = 40;
/** Above every row id, for "no upper bound". */
const MAX_ROWID = 2n ** 63n - 1n;
/** Hits shown per session group. */
export const HITS_PER_GROUP = 3;
/** The generic code FTS5 raises for a MATCH expression it cannot parse. */
const SQLITE_ERROR = 1;

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

export class IndexSearch {
  private readonly shaped: Statements;
  private readonly summary: StatementSync;
  private readonly body: StatementSync;
  private readonly docRoots: StatementSync;

  constructor(db: DatabaseSync) {
    this.shaped = new Statements(db);
    this.summary = db.prepare('SELECT summary FROM sessions WHERE root = ? AND id = ?');
    this.body = db.prepare('SELECT body FROM doc_rows WHERE id = ?');
    this.docRoots = db.prepare(distinctRoots('doc_rows'));
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
      const row = this.summary.get(root, session);
      if (!row) continue;
      const summary = JSON.parse(String(row.summary)) as SessionSummary;
      const hits = rows.slice(0, HITS_PER_GROUP).map((row) => ({
        turn: row.turn,
        kind: row.kind,
        role: row.role,
        tool: row.tool,
        time: row.time,
        snippet: snippetOf(String(this.body.get(row.id)?.body ?? ''), parsed.highlights),
      }));
      groups.push({ session: summary, hits, hitCount: rows.length });
    }
    return { ...empty, groups };
  }

  /**
   * The filters without a roots list that names every root the index holds, as the service's
   * always does: that filter excludes nothing, yet would cost a row lookup for every match.
   */
  private withoutNeedlessRoots(filters: SearchFilters): SearchFilters {
    if (!filters.roots || filters.roots.length === 0) return filters;
    if (!holdsOnly(this.docRoots, filters.roots)) return filters;
    const rest = { ...filters };
    delete rest.roots;
    return rest;
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
    const floorOf = this.shaped.get(
      'SELECT rowid AS id FROM docs WHERE docs MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
    );
    const weights = `${COLUMN_WEIGHTS.body.toFixed(3)}, ${COLUMN_WEIGHTS.terms.toFixed(3)}`;
    const score = `bm25(docs, ${weights}) * ${weightSql('docs.rowid')}`;
    // Materialised, so the document rows are read for the chunk's best only, not every match.
    const chunk = this.shaped.get(`WITH top AS MATERIALIZED (
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
