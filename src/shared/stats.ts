/**
 * The figures behind the app's pictures: the library's activity by day and its tool use (from the
 * search index), and one session's timeline (streamed from its files). Every list is bounded, so a
 * library of millions of turns or a session of 50,000 answers in one small message.
 */

/** Ranges the activity view offers, in days back from today (UTC); absent means all time. */
export const activityRanges = [30, 90] as const;

/** The most tool rows stats.library answers; the rest are counted in `toolsTotal`. */
export const TOOL_ROWS_CAP = 100;

/** The most rows session.stats answers; a longer session is shown in spans of turns. */
export const TIMELINE_CAP = 2000;

export interface DayActivity {
  /** YYYY-MM-DD, UTC. */
  day: string;
  /** Sessions created that day. */
  sessions: number;
  /** Turns written that day. */
  turns: number;
}

export interface ToolUsage {
  tool: string;
  calls: number;
  /** Calls the format recorded as failed. */
  failed: number;
  /** Calls whose format says whether they succeeded: the failure rate's denominator. */
  withOutcome: number;
  /** Calls with a recorded duration: what the median and p95 are taken over. */
  timed: number;
  medianMs: number | null;
  p95Ms: number | null;
}

export interface LibraryStats {
  /** The range asked for; null for all time. */
  days: number | null;
  /** The first day of the range, or of the activity when all time was asked for; null with none. */
  from: string | null;
  /** Today (UTC) for a range; the last day with activity for all time. */
  to: string | null;
  /** Days with any activity, oldest first. */
  perDay: DayActivity[];
  totals: { sessions: number; turns: number; toolCalls: number; failedCalls: number };
  /**
   * All time only (null for a range): sessions and turns with no recorded time, which no day
   * counts (ZeroClaw keeps no time per turn). The totals include them.
   */
  undated: { sessions: number; turns: number } | null;
  /** Most called first, at most TOOL_ROWS_CAP. */
  tools: ToolUsage[];
  toolsTotal: number;
  /** The index is still reading files: the figures will grow. */
  indexing: boolean;
}

export type TimelineRowKind = 'turn' | 'tool' | 'span';

/**
 * One row of a session's waterfall. A turn lasts from its time to the next turn's; its tool calls
 * follow one another from the turn's time for their recorded durations. A span stands for a run
 * of turns (and their calls) when the session has more rows than TIMELINE_CAP.
 */
export interface TimelineRow {
  kind: TimelineRowKind;
  /** The turn (0-based) the row is or belongs to; a span's first turn. */
  turn: number;
  /** A span's last turn; `turn` otherwise. */
  lastTurn: number;
  /** A turn's role; null for a tool call or a span. */
  role: string | null;
  /** A tool call's name; null otherwise. */
  tool: string | null;
  /** Epoch milliseconds; null where the format records no time. */
  start: number | null;
  end: number | null;
  /** Tool calls in the row: 1 for a tool call. */
  calls: number;
  /** Of those, the ones recorded as failed. */
  failed: number;
}

/** One LLM request's token use (yoi's `llm_usage`). */
export interface TokenPoint {
  time: string;
  input: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
}

export interface SessionTokens {
  /** Oldest first. */
  points: TokenPoint[];
  /** Requests recorded in all; more than `points` when the format keeps only the newest. */
  requests: number;
  totals: { input: number; cacheRead: number; cacheWrite: number; output: number };
}

export interface SessionStats {
  turns: number;
  toolCalls: number;
  failedCalls: number;
  /** Turns with a recorded time: without any, there is no time axis to draw. */
  timedTurns: number;
  /** In session order, at most TIMELINE_CAP. */
  rows: TimelineRow[];
  /**
   * Turns per span when the rows are spans (the session has more turns and calls than
   * TIMELINE_CAP); null when every turn and call has a row of its own.
   */
  spanTurns: number | null;
  /** Null where the format records no token use. */
  tokens: SessionTokens | null;
}
