/**
 * Full-text search over the index database: ranks matching documents, groups them by session and
 * cuts their snippets.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { SessionSummary } from '../../shared/model';
import { TOOL_RESULT_INDEX_CHARS } from '../../shared/search';
import type { DocKind, SearchFilters, SearchGroup, SearchRequest, SearchResponse } from '../../shared/search';
import { dayOfId } from './ids';
import { matchWords, MAX_QUERY_CHARS, parseQuery } from './query';
import { COLUMN_WEIGHTS, weightOf, weightSql } from './rank';
import { snippetOf } from './snippet';
import { distinctRoots, holdsOnly, isSqliteError, nullableText, Statements, wholeAtLeast } from './sql';
import type { Row } from './sql';

/**
 * The most matches bm25 ranking keeps, and how many ranked matches are looked up at a time to
 * group them by session: the groups and their hit counts are drawn from these.
 */
export const SEARCH_WINDOW = 1000;
/** The newest matches that are ranked at a time (see rankedWindow). */
export const SCORED_MATCHES = 5_000;
/**
 * A word in at most this many documents is rare. What bm25 costs grows with how common the
 * words are, not with the rows it ranks: before it scores a row it counts every document each
 * word is in, over the whole index, to weigh the word (its IDF: some 30 ms for a word in a
 * third of three million documents), and then each row it scores costs microseconds. A query
 * of rare words has few matches, so bm25 can afford to score every one of them.
 */
export const BM25_WORD_DOCS = SCORED_MATCHES;
/** After this long a search returns what it has rather than reading older matches. */
export const SEARCH_BUDGET_MS = 40;
/**
 * After this long a search stops reading older matches even with nothing to show, and says how
 * far back it read: the index answers one call at a time, so a narrow filter on a common word,
 * read back through years of matches, would hold up the list as well (it took 10–40 s).
 */
export const SEARCH_LIMIT_MS = 2_000;
/** Above every row id, for "no upper bound". */
const MAX_ROWID = 2n ** 63n - 1n;
/** Hits shown per session group. */
export const HITS_PER_GROUP = 3;
/** The generic code FTS5 raises for a MATCH expression it cannot parse. */
const SQLITE_ERROR = 1;

/** Matches best first, and the id a search stopped at when it ran out of time before the oldest. */
interface Ranked {
  ids: number[];
  stoppedAt: number | null;
}

/** A document as a session group shows it. */
interface HitRow {
  turn: number | null;
  kind: DocKind;
  role: string | null;
  tool: string | null;
  time: string | null;
  body: string;
}

interface RankedGroup {
  root: string;
  session: string;
  /** Its documents among the ranked ones read, best first. */
  ids: number[];
  /** The session row's summary JSON; null when the row is missing, undefined until read. */
  summary?: string | null;
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
  private readonly hit: StatementSync;
  private readonly sessionsOf: StatementSync;
  private readonly docRoots: StatementSync;
  private readonly newest: StatementSync;
  private readonly floorOf: StatementSync;
  private readonly wordDocs: StatementSync;

  constructor(
    db: DatabaseSync,
    private readonly limitMs = SEARCH_LIMIT_MS,
  ) {
    this.shaped = new Statements(db);
    this.summary = db.prepare('SELECT summary FROM sessions WHERE root = ? AND id = ?');
    this.hit = db.prepare('SELECT turn, kind, role, tool, time, body FROM doc_rows WHERE id = ?');
    // Lists come and go as one JSON text: a row object apiece would cost more than the lookups.
    this.sessionsOf = db.prepare(
      `SELECT json_group_array(json_array(d.id, d.root, d.session)) AS rows
        FROM json_each(?) j JOIN doc_rows d ON d.id = j.value`,
    );
    this.docRoots = db.prepare(distinctRoots('doc_rows'));
    this.newest = db.prepare(
      `SELECT json_group_array(id) AS ids
        FROM (SELECT rowid AS id FROM docs WHERE docs MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    );
    this.floorOf = db.prepare(
      'SELECT rowid AS id FROM docs WHERE docs MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
    );
    this.wordDocs = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM docs WHERE docs MATCH ? LIMIT ?)');
  }

  /**
   * Ranks matching documents (rankedWindow), groups them by session in the order of each
   * session's best hit, and cuts a snippet for the hits shown. `query` in the answer is the
   * input as parseQuery reads it (cleanQuery). A session whose row is missing is left out:
   * without its summary there is nothing to show for it.
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

    let ranked: Ranked;
    try {
      ranked = this.rankedWindow(parsed.match, filters);
    } catch (error) {
      // parseQuery only ever builds a MATCH that parses, but the text inside it is hostile: an
      // expression FTS5 still refuses is no result, not a crash. Other errors (a damaged file) go on up.
      if (isSqliteError(error, SQLITE_ERROR)) return empty;
      throw error;
    }

    const groups: SearchGroup[] = [];
    for (const { ids, summary } of this.grouped(ranked.ids, limit)) {
      const hits = ids.slice(0, HITS_PER_GROUP).flatMap((id) => {
        const hit = this.hit.get(id);
        if (!hit) return [];
        const { turn, kind, role, tool, time, body } = hitRow(hit);
        return [{ turn, kind, role, tool, time, snippet: snippetOf(body, parsed.highlights) }];
      });
      groups.push({ session: JSON.parse(summary) as SessionSummary, hits, hitCount: ids.length });
    }
    return ranked.stoppedAt === null
      ? { ...empty, groups }
      : { ...empty, groups, searchedFrom: dayOfId(ranked.stoppedAt) };
  }

  /**
   * The first `limit` sessions of the ranked documents, in the order of each one's best
   * document, with their summaries. Documents are looked up SEARCH_WINDOW at a time, and only
   * until there are `limit` sessions to show: the newest matches of a common word often crowd
   * into a few long sessions, so a fixed window could show fewer groups than asked for, and
   * looking up all of them would cost more than ranking them did.
   */
  private grouped(ranked: number[], limit: number): (RankedGroup & { summary: string })[] {
    const bySession = new Map<string, RankedGroup>();
    let shown: (RankedGroup & { summary: string })[] = [];
    for (let at = 0; at < ranked.length && shown.length < limit; at += SEARCH_WINDOW) {
      const slice = ranked.slice(at, at + SEARCH_WINDOW);
      const rows = JSON.parse(String(this.sessionsOf.get(JSON.stringify(slice))?.rows ?? '[]')) as [
        number,
        string,
        string,
      ][];
      const sessions = new Map(rows.map(([id, root, session]) => [id, { root, session }]));
      for (const id of slice) {
        const doc = sessions.get(id);
        if (!doc) continue;
        const key = `${doc.root}\0${doc.session}`;
        const group = bySession.get(key);
        if (group) group.ids.push(id);
        else bySession.set(key, { ...doc, ids: [id] });
      }
      shown = [];
      for (const group of bySession.values()) {
        if (shown.length >= limit) break;
        if (group.summary === undefined) {
          group.summary = nullableText(this.summary.get(group.root, group.session)?.summary);
        }
        if (group.summary !== null) shown.push({ ...group, summary: group.summary });
      }
    }
    return shown;
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
   * The matches, best first: a query of rare words by bm25 (weighted by kind: rank.ts), one
   * with a common word by kind and time.
   *
   * bm25 is exact but dear for a common word: before scoring a single row it counts every
   * document the word is in (see BM25_WORD_DOCS), and then each row costs microseconds, more
   * for a word repeated within documents. So bm25 ranks a query only when all its words are
   * rare (wordsAreRare); the matches are taken newest first (by row id, which FTS5 walks
   * cheaply) in chunks of SCORED_MATCHES, each scored and filtered and the best of all chunks
   * kept, until the matches run out, the window is full, or SEARCH_BUDGET_MS have passed with
   * something to show. So a rare word is ranked over every match, exactly.
   *
   * Any other query is ranked over its newest SCORED_MATCHES matches that pass the filters
   * (filteredWalk), by weight class and, within a class, newest first: both are in the row
   * id, so ranking reads nothing but the ids FTS5 walks. Conversation still outranks tool
   * output, and a narrow filter still reads further back.
   */
  private rankedWindow(match: string, filters: CompiledFilters): Ranked {
    const started = performance.now();
    if (this.wordsAreRare(match)) return this.bm25Window(match, filters, started);
    if (!filters.doc && !filters.session) {
      return { ids: idList(this.newest.get(match, SCORED_MATCHES)).sort(byClassThenNewest), stoppedAt: null };
    }
    const walked = this.filteredWalk(match, filters, started);
    return { ids: walked.ids.sort(byClassThenNewest), stoppedAt: walked.stoppedAt };
  }

  /**
   * Whether each word of `match` is in at most BM25_WORD_DOCS documents. A prefix never is:
   * FTS5 gathers every word it prefixes before it returns a match, so counting its documents
   * would cost as much as the search, and bm25 would pay that again.
   */
  private wordsAreRare(match: string): boolean {
    return matchWords(match).every(
      (word) =>
        !word.endsWith('*') && Number(this.wordDocs.get(word, BM25_WORD_DOCS + 1)?.n) <= BM25_WORD_DOCS,
    );
  }

  private bm25Window(match: string, filters: CompiledFilters, started: number): Ranked {
    const { from, where } = source(filters);
    const weights = `${COLUMN_WEIGHTS.body.toFixed(3)}, ${COLUMN_WEIGHTS.terms.toFixed(3)}`;
    const chunk = this.shaped.get(
      `SELECT docs.rowid AS id, bm25(docs, ${weights}) * ${weightSql('docs.rowid')} AS score
        FROM ${from} WHERE ${where} AND docs.rowid >= ? AND docs.rowid < ?
        ORDER BY score, docs.rowid DESC LIMIT ?`,
    );
    let window: { id: number; score: number }[] = [];
    let upper: number | bigint = MAX_ROWID;
    for (;;) {
      const floorRow: Row | undefined = this.floorOf.get(match, upper, SCORED_MATCHES - 1);
      const floor: number = floorRow ? Number(floorRow.id) : 0;
      const rows = chunk
        .all(match, ...filters.params, floor, upper, SEARCH_WINDOW)
        .map((row) => ({ id: Number(row.id), score: Number(row.score) }));
      window = [...window, ...rows].sort((a, b) => a.score - b.score || b.id - a.id).slice(0, SEARCH_WINDOW);
      const took = performance.now() - started;
      if (floor === 0 || window.length >= SEARCH_WINDOW || (took > SEARCH_BUDGET_MS && window.length > 0)) {
        return { ids: window.map((row) => row.id), stoppedAt: null };
      }
      if (took > this.limitMs) return { ids: window.map((row) => row.id), stoppedAt: floor };
      upper = floor;
    }
  }

  /**
   * The newest SCORED_MATCHES matches that pass the filters, or as many as SEARCH_BUDGET_MS
   * allows once there are some, read SCORED_MATCHES matches at a time.
   */
  private filteredWalk(match: string, filters: CompiledFilters, started: number): Ranked {
    const { from, where } = source(filters);
    const walk = this.shaped.get(
      `SELECT json_group_array(id) AS ids FROM (SELECT docs.rowid AS id FROM ${from}
        WHERE ${where} AND docs.rowid >= ? AND docs.rowid < ? ORDER BY docs.rowid DESC)`,
    );
    const found: number[] = [];
    let upper: number | bigint = MAX_ROWID;
    for (;;) {
      // The chunk's bounds come from the matches alone, so a chunk costs the same however few pass.
      const floorRow: Row | undefined = this.floorOf.get(match, upper, SCORED_MATCHES - 1);
      const floor: number = floorRow ? Number(floorRow.id) : 0;
      for (const id of idList(walk.get(match, ...filters.params, floor, upper))) found.push(id);
      const took = performance.now() - started;
      const newest = () => found.sort((a, b) => b - a).slice(0, SCORED_MATCHES);
      if (floor === 0 || found.length >= SCORED_MATCHES || (took > SEARCH_BUDGET_MS && found.length > 0)) {
        return { ids: newest(), stoppedAt: null };
      }
      if (took > this.limitMs) return { ids: newest(), stoppedAt: floor };
      upper = floor;
    }
  }
}

/** The FROM and WHERE of a search with these filters: `docs`, joined to what the filters read. */
function source(filters: CompiledFilters): { from: string; where: string } {
  const from = ['docs'];
  if (filters.doc || filters.session) from.push('JOIN doc_rows f ON f.id = docs.rowid');
  if (filters.session) from.push('JOIN sessions s ON s.root = f.root AND s.id = f.session');
  return { from: from.join(' '), where: ['docs MATCH ?', ...filters.where].join(' AND ') };
}

/** The ids of a `json_group_array(id) AS ids` row. */
function idList(row: Row | undefined): number[] {
  return JSON.parse(String(row?.ids ?? '[]')) as number[];
}

function byClassThenNewest(a: number, b: number): number {
  return weightOf(b) - weightOf(a) || b - a;
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

function hitRow(row: Row): HitRow {
  return {
    turn: row.turn === null ? null : Number(row.turn),
    kind: String(row.kind) as DocKind,
    role: nullableText(row.role),
    tool: nullableText(row.tool),
    time: nullableText(row.time),
    body: String(row.body),
  };
}
