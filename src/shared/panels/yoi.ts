/**
 * What the yoi inspector shows beside the conversation (formats.md §3): the state the crate's
 * `restore` rebuilds, the audit-only events around it, and the debug trace beside the log.
 * Lists are capped (the newest kept) so a long log cannot flood a transport; totals are exact.
 */

/** `RequestConfig` with the crate's field names; `reasoning` is an effort label or a token budget. */
export interface YoiRequestConfig {
  max_tokens: number | null;
  temperature: number | null;
  top_p: number | null;
  top_k: number | null;
  stop_sequences: string[];
  reasoning: string | number | null;
}

export interface YoiOrigin {
  sessionId: string;
  atHash: string;
}

/** Where an entry sits in the log, so the UI can point at it or fork there. */
export interface YoiPlace {
  line: number;
  hash: string;
  /** ISO 8601 from the entry's `ts`. */
  time: string;
}

export interface YoiUsage extends YoiPlace {
  historyLen: number;
  inputTotalTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
}

export interface YoiExtension extends YoiPlace {
  domain: string;
  /** The payload as read; opaque to the crate, folded by its callers. */
  payload: unknown;
}

export interface YoiConfigChange extends YoiPlace {
  config: YoiRequestConfig;
}

export type YoiRunOutcome = YoiPlace &
  (
    | { outcome: 'completed'; interrupted: boolean; result: string }
    | { outcome: 'errored'; interrupted: boolean; message: string }
  );

/** A capped list and how many there were in all. */
export interface YoiCapped<T> {
  total: number;
  items: T[];
}

export interface YoiTraceEvent {
  line: number;
  time: string | null;
  turn: number | null;
  /** The event's variant, e.g. "BlockDelta", "Status"; "unreadable" for a line that is not a trace entry. */
  type: string;
  /** A one-line gist: a status, a block type, an error message, a delta's first characters. */
  detail: string;
}

/** The `.trace.jsonl` beside the log, read as a turn-independent stream of events (§3.8). */
export interface YoiTraceSummary {
  lines: number;
  unreadableLines: number;
  /** Events per variant name. */
  counts: Record<string, number>;
  firstTime: string | null;
  lastTime: string | null;
  events: YoiCapped<YoiTraceEvent>;
}

export interface YoiPanels {
  format: 'yoi';
  sessionId: string;
  systemPrompt: string | null;
  config: YoiRequestConfig;
  /** From the last `turn_end`. */
  turnCount: number;
  lastRunInterrupted: boolean;
  headHash: string | null;
  historyItems: number;
  forkedFrom: YoiOrigin | null;
  compactedFrom: YoiOrigin | null;
  /** One record per LLM request, in order. */
  usage: YoiCapped<YoiUsage>;
  usageTotals: {
    inputTotalTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
    outputTokens: number;
  };
  extensions: YoiCapped<YoiExtension>;
  configChanges: YoiCapped<YoiConfigChange>;
  runs: YoiCapped<YoiRunOutcome>;
  /** Entries of a kind this crate version does not know; also shown raw as notice turns. */
  unknownEntries: number;
  /** Null when the session has no trace file. */
  trace: YoiTraceSummary | null;
}
