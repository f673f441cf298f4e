/** ZeroClaw sessions in the normalised model (src/shared/model.ts, src/shared/panels/zeroclaw.ts). */
import type {
  RunState,
  SessionDetail,
  SessionRunState,
  SessionSummary,
  ToolCall,
  Turn,
  UnreadableLine,
} from '../../../shared/model';
import { runStates } from '../../../shared/model';
import type { ZeroclawPanels } from '../../../shared/panels/zeroclaw';
import type { SkippedLine } from '../../jsonl';
import type { ChatMessage } from './line';
import type { SessionFacts } from './store';
import { isoFromRfc3339 } from './time';

/** Bytes of an unreadable line read for its preview, and the characters shown of them. */
export const PREVIEW_BYTES = 4096;
const PREVIEW_CHARS = 2000;

/** The lines ZeroClaw's runtime writes about a session rather than as a reply (formats.md §2.1). */
const NOTICE = /^\[(?:Session interrupted|Task failed|Task timed out) — [^\]\n]*\]$/u;
const TOOLS_PREFIX = '[Used tools:';

export function summaryOf(rootId: string, s: SessionFacts): SessionSummary {
  const name = s.metadata?.name != null && s.metadata.name.trim() !== '' ? s.metadata.name : null;
  const jsonl = s.storage === 'jsonl';
  const writable = jsonl && s.writeRefusal === null && s.damaged === null;
  return {
    ref: { root: rootId, id: s.id },
    format: 'zeroclaw',
    title: name ?? s.key ?? s.id,
    untitled: name === null,
    createdAt: s.createdAt,
    updatedAt: s.lastActivity,
    projectPath: null,
    turnCount: s.messageCount,
    sizeBytes: s.sizeBytes,
    health: { unreadableLines: s.unreadableLines, damaged: s.damaged, chain: null },
    capabilities: {
      rename: s.dbProblem === null,
      delete: jsonl,
      append: writable,
      removeLast: writable,
      compact: writable,
      setState: s.dbProblem === null,
      fork: false,
    },
    key: s.key,
    storage: jsonl ? null : 'sessions.db',
    state: runStateOf(s),
  };
}

export function detailOf(summary: SessionSummary, s: SessionFacts): SessionDetail {
  const panels: ZeroclawPanels = {
    format: 'zeroclaw',
    stem: s.id,
    key: s.key,
    storage: s.storage,
    messageCount: s.messageCount,
    unreadableLines: s.unreadableLines,
    createdAt: s.createdAt,
    lastActivity: s.lastActivity,
    metadataRow: s.metadata ? s.metadata.columns : null,
  };
  return { summary, compactions: [], panels };
}

/**
 * A message as a turn. ZeroClaw stores no time, id or tool records per line; older assistant lines
 * carry a `[Used tools: a, b]` line in front of the reply, which ZeroClaw strips when it reloads
 * history (channels/mod.rs `strip_tool_summary_prefix`) and which becomes the turn's tool calls.
 */
export function turnOf(message: ChatMessage, index: number): Turn {
  let text = message.content;
  let toolCalls: ToolCall[] = [];
  const assistant = message.role === 'assistant';
  const close = text.indexOf(']');
  if (assistant && text.startsWith(TOOLS_PREFIX) && close !== -1) {
    toolCalls = text
      .slice(TOOLS_PREFIX.length, close)
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => ({ name, arguments: null, result: null, success: null, durationMs: null }));
    text = text.slice(close + 1).replace(/^\n+/, '');
  }
  return {
    index,
    notice: assistant && NOTICE.test(text),
    id: null,
    role: message.role,
    text,
    time: null,
    toolCalls,
    tags: [],
    metadata: {},
  };
}

/** A skipped line for "view raw": its first bytes as text, control characters made visible. */
export function unreadableOf(skipped: SkippedLine, head: Buffer): UnreadableLine {
  const text = head.toString('utf8');
  const cut = text.length > PREVIEW_CHARS || head.length < skipped.length;
  const shown = [...text.slice(0, PREVIEW_CHARS)]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code === 0x09) return c;
      if (code < 0x20) return String.fromCodePoint(0x2400 + code);
      return code === 0x7f ? '\u2421' : c;
    })
    .join('');
  return {
    lineNumber: skipped.number,
    byteOffset: skipped.offset,
    preview: cut ? `${shown}…` : shown,
    reason: skipped.reason ?? 'blank line',
  };
}

function runStateOf(s: SessionFacts): SessionRunState | null {
  const row = s.metadata;
  if (!row || row.state === null || !isRunState(row.state)) return null;
  return { state: row.state, turnId: row.turnId, turnStartedAt: isoFromRfc3339(row.turnStartedAt) };
}

function isRunState(value: string): value is RunState {
  return (runStates as readonly string[]).includes(value);
}
