/**
 * The search index's side of the contract: what a search asks and answers, the paged session
 * list the index serves, and how far indexing has got. The index itself lives in src/core/index.
 */
import type { FormatId, RunState, SessionSummary } from './model';

/** What a search document is: one per turn, per tool call, per learned fact or preference. */
export const docKinds = ['session', 'message', 'tool', 'fact', 'preference', 'event'] as const;
export type DocKind = (typeof docKinds)[number];

/** Tool results are indexed up to this many characters each; the UI says so beside results. */
export const TOOL_RESULT_INDEX_CHARS = 16 * 1024;

export interface SearchFilters {
  formats?: FormatId[];
  roots?: string[];
  /** A substring of the session's project path. */
  project?: string;
  roles?: string[];
  tool?: string;
  /** ISO dates (or date-times); a turn's time, or the session's when a document has none. */
  from?: string;
  to?: string;
  states?: RunState[];
  /** Only tool calls that failed. */
  toolFailed?: boolean;
}

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  /** Sessions to return at most. */
  limit: number;
}

/** Text with the ranges to highlight, as UTF-16 offsets; the UI renders marks as elements. */
export interface Snippet {
  text: string;
  marks: [number, number][];
}

export interface SearchHit {
  /** The turn to jump to; null for a hit in the session's own metadata, facts or preferences. */
  turn: number | null;
  kind: DocKind;
  role: string | null;
  tool: string | null;
  time: string | null;
  snippet: Snippet;
}

export interface SearchGroup {
  session: SessionSummary;
  /** The best few hits, best first. */
  hits: SearchHit[];
  /** Every hit in the session, as far as the ranked window reaches. */
  hitCount: number;
}

export interface SearchResponse {
  /** The query as it was run: cut to the cap, control characters removed. */
  query: string;
  /** True when the query was longer than the cap and was cut. */
  capped: boolean;
  groups: SearchGroup[];
  /** Turns with a result text longer than this were indexed up to it. */
  toolResultCap: number;
  /**
   * Set when the search ran out of time before reading its oldest matches (a narrow filter on a
   * common word): the day (YYYY-MM-DD) from which on documents were searched.
   */
  searchedFrom?: string;
}

export interface SessionPage {
  total: number;
  offset: number;
  items: SessionSummary[];
}

/** The index as a file: shown in the settings, so a person knows what a rebuild throws away. */
export interface IndexInfo {
  /** For display only. */
  path: string;
  /** The database with its write-ahead log, in bytes. */
  sizeBytes: number;
  sessions: number;
}

export type IndexPhase = 'idle' | 'listing' | 'indexing';

export interface IndexStatus {
  phase: IndexPhase;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** Over the current run; 0 before anything was read. */
  mbPerSecond: number;
  /** Null when unknown (nothing read yet, or idle). */
  secondsLeft: number | null;
  /** The last file that could not be indexed, and why; indexing goes on past it. */
  lastError: string | null;
}
