/**
 * Find within one session: the turns whose text or tool calls match a query, in turn order, from
 * the full-text index. The query language and its quoting are the search box's (query.ts), so a
 * hostile query is text, never FTS5 syntax.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { parseQuery } from './query';
import { isSqliteError, wholeAtLeast } from './sql';

/** The generic code FTS5 raises for a MATCH expression it cannot parse. */
const SQLITE_ERROR = 1;

export interface IndexedFind {
  /** Matching turn indexes, ascending, at most the limit asked for. */
  turns: number[];
  /** Every matching turn the index holds. */
  total: number;
  /** Lowercased strings to mark in the matching turns (query.ts: ParsedQuery.highlights). */
  highlights: string[];
  /** The turns the index covers (0 to this, exclusive); later ones were appended since it read the file. */
  indexedTurns: number;
}

export class SessionFind {
  private readonly coverage: StatementSync;
  private readonly span: StatementSync;
  private readonly matches: StatementSync;

  constructor(db: DatabaseSync) {
    this.coverage = db.prepare(
      `SELECT count(*) AS files, coalesce(sum(state = 'indexed'), 0) AS indexed,
        coalesce(min(indexed_turns), 0) AS turns FROM files WHERE root = ? AND session = ?`,
    );
    // The session's documents lie within this id range; FTS5 seeks within it rather than walking
    // every match of a common word over the whole index.
    this.span = db.prepare(
      'SELECT min(id) AS low, max(id) AS high FROM doc_rows WHERE root = ? AND session = ?',
    );
    this.matches = db.prepare(
      `WITH m (id) AS MATERIALIZED (SELECT rowid FROM docs WHERE docs MATCH ? AND rowid BETWEEN ? AND ?)
        SELECT json_group_array(turn) AS turns FROM (
          SELECT DISTINCT f.turn AS turn FROM m JOIN doc_rows f ON f.id = m.id
          WHERE f.root = ? AND f.session = ? AND f.turn IS NOT NULL ORDER BY f.turn)`,
    );
  }

  /**
   * The matching turns of a session every file of which the index has read, or null when it has
   * not (yet): the caller then reads the session itself.
   */
  find(root: string, session: string, query: string, limit: number): IndexedFind | null {
    const covered = this.coverage.get(root, session);
    const files = Number(covered?.files ?? 0);
    if (files === 0 || Number(covered?.indexed ?? 0) !== files) return null;
    const indexedTurns = Number(covered?.turns ?? 0);
    const parsed = parseQuery(query);
    const none: IndexedFind = { turns: [], total: 0, highlights: parsed.highlights, indexedTurns };
    const span = this.span.get(root, session);
    if (parsed.match === null || span?.low === null || span?.low === undefined) return none;
    let all: number[];
    try {
      const row = this.matches.get(parsed.match, span.low, span.high ?? span.low, root, session);
      all = JSON.parse(String(row?.turns ?? '[]')) as number[];
    } catch (error) {
      // As in search.ts: an expression FTS5 still refuses finds nothing; other errors go on up.
      if (isSqliteError(error, SQLITE_ERROR)) return none;
      throw error;
    }
    return { ...none, turns: all.slice(0, wholeAtLeast(limit, 0)), total: all.length };
  }
}
