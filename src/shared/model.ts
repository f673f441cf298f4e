/**
 * The normalised view model: every on-disk format maps onto these types so the UI and the CLI
 * are written once. Times are ISO 8601 strings in UTC so they survive every transport unchanged.
 */
import type { OrcsPanels } from './panels/orcs';
import type { YoiPanels } from './panels/yoi';
import type { ZeroclawPanels } from './panels/zeroclaw';

export const formatIds = ['orcs', 'zeroclaw', 'yoi'] as const;
export type FormatId = (typeof formatIds)[number];

export const formatLabels: Record<FormatId, string> = { orcs: 'ORCS', zeroclaw: 'ZeroClaw', yoi: 'yoi' };

/** Where a root came from, in the order the app trusts them. */
export type RootOrigin = 'cli' | 'added' | 'env' | 'config' | 'default' | 'demo';

export interface RootInfo {
  /** Stable id derived from the path; ids, never paths, cross back from the renderer. */
  id: string;
  path: string;
  /** Null for an empty directory named as a root: no format can be told from no files. */
  format: FormatId | null;
  origin: RootOrigin;
  exists: boolean;
  readOnly: boolean;
}

/** A place the app looked for sessions, shown when nothing was found. */
export interface SearchedPlace {
  format: FormatId;
  path: string;
  exists: boolean;
  /** Which rule named this place, e.g. "$ORCS_SESSION_PATH" or "the default". */
  how: string;
  origin: Extract<RootOrigin, 'env' | 'config' | 'default'>;
}

export interface SessionRef {
  root: string;
  id: string;
}

export interface SessionHealth {
  unreadableLines: number;
  /** Set when the session could not be read at all; the message says why. */
  damaged: string | null;
  /** For hash-chained logs; null where the format has no chain. */
  chain: ChainStatus | null;
}

export type ChainStatus =
  | { status: 'unchecked' }
  | { status: 'verified'; lines: number }
  | { status: 'broken'; line: number; reason: string };

/** What verifying a hash chain found; `sessionscope verify --json` prints exactly this. */
export interface ChainReport {
  lines: number;
  headHash: string | null;
  ok: boolean;
  /** 1-based line number of the first bad line, null when ok. */
  firstBadLine: number | null;
  reason: string | null;
}

/** Sessions linked by forks and compactions, as far as the open session's root shows them. */
export interface LineageGraph {
  nodes: { ref: SessionRef; title: string; createdAt: string | null; missing: boolean }[];
  edges: {
    /** The session the new one was made from. */
    from: SessionRef;
    to: SessionRef;
    kind: 'fork' | 'compaction';
    /** The entry of `from` the new session branched at. */
    atHash: string;
    /** Its 1-based line number in `from`, when `from` is readable and holds it. */
    atLine: number | null;
  }[];
}

export interface SessionCapabilities {
  rename: boolean;
  delete: boolean;
  /** Append a message as the agent itself would (one write per record). */
  append: boolean;
  /** Drop the last message, atomically and without losing a concurrent append. */
  removeLast: boolean;
  /** Rewrite without blank and unreadable lines, after a preview of what goes. */
  compact: boolean;
  /** Record the agent's run state (idle, running, error). */
  setState: boolean;
  /** Start a new session from this one: fork at an entry, or compact into a new session. */
  fork: boolean;
}

/** For sessions nothing may be written to: a demo, or one not read yet. */
export const noCapabilities: SessionCapabilities = {
  rename: false,
  delete: false,
  append: false,
  removeLast: false,
  compact: false,
  setState: false,
  fork: false,
};

export const runStates = ['idle', 'running', 'error'] as const;
export type RunState = (typeof runStates)[number];

/** What an agent records about a session's current turn, where its format keeps that. */
export interface SessionRunState {
  state: RunState;
  turnId: string | null;
  /** When the running turn started; stuck is judged against this. */
  turnStartedAt: string | null;
}

export interface SessionSummary {
  ref: SessionRef;
  format: FormatId;
  title: string;
  /** True when the title is a fallback (the id) because the session has no name of its own. */
  untitled: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  projectPath: string | null;
  turnCount: number;
  sizeBytes: number;
  health: SessionHealth;
  capabilities: SessionCapabilities;
  /** The agent's own key for the session where it differs from the id (ZeroClaw's unsanitised key). */
  key: string | null;
  /** Where the session's messages live when not in the usual file, e.g. "sessions.db". */
  storage: string | null;
  state: SessionRunState | null;
  /** Listed from its file alone while the index has yet to read it: title and counts are to come. */
  pending?: boolean;
  /** Tool calls that reported failure, where the index has counted them (absent when it has not). */
  failedToolCalls?: number;
}

export interface ToolCall {
  name: string;
  arguments: unknown;
  result: unknown;
  success: boolean | null;
  durationMs: number | null;
}

export interface Turn {
  index: number;
  /** A line the agent's runtime wrote about the session (interrupted, failed, timed out), not a message. */
  notice: boolean;
  id: string | null;
  role: string;
  text: string;
  time: string | null;
  toolCalls: ToolCall[];
  tags: string[];
  metadata: Record<string, unknown>;
}

/** A span of turns the agent folded into a summary; it sits in the timeline by its times. */
export interface CompactedSpan {
  summary: string;
  turnCount: number;
  startTime: string | null;
  endTime: string | null;
}

export type FormatPanels = OrcsPanels | ZeroclawPanels | YoiPanels;

/** A line of a session file that could not be read, for "view raw". */
export interface UnreadableLine {
  /** 1-based, as an editor counts. */
  lineNumber: number;
  byteOffset: number;
  /** The line's text, cut to a few KB; never interpreted. */
  preview: string;
  reason: string;
}

export interface CompactPreview {
  /** Lines the compaction drops: blank and unreadable ones. */
  dropped: UnreadableLine[];
  keptMessages: number;
}

/** The answer to every write that can be reversed: the session as it now is, and how to undo. */
export interface WriteResult {
  summary: SessionSummary;
  /** Pass to undo.apply; null when there is nothing to undo. */
  undoId: string | null;
}

export interface SessionDetail {
  summary: SessionSummary;
  compactions: CompactedSpan[];
  panels: FormatPanels;
}

export interface TurnPage {
  total: number;
  from: number;
  turns: Turn[];
}
