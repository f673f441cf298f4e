/**
 * The normalised view model: every on-disk format maps onto these types so the UI and the CLI
 * are written once. Times are ISO 8601 strings in UTC so they survive every transport unchanged.
 */
import type { OrcsPanels } from './panels/orcs';

export const formatIds = ['orcs'] as const;
export type FormatId = (typeof formatIds)[number];

export const formatLabels: Record<FormatId, string> = { orcs: 'ORCS' };

/** Where a root came from, in the order the app trusts them. */
export type RootOrigin = 'cli' | 'added' | 'env' | 'config' | 'default' | 'demo';

export interface RootInfo {
  /** Stable id derived from the path; ids, never paths, cross back from the renderer. */
  id: string;
  path: string;
  format: FormatId;
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
}

export interface SessionCapabilities {
  rename: boolean;
  delete: boolean;
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

export type FormatPanels = OrcsPanels;

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
