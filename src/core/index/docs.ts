/**
 * What the index stores of a session: search documents drawn from the normalised model, so every
 * format (and every format still to come) is searchable without index code of its own.
 */
import type { FormatPanels, SessionSummary, ToolCall, Turn } from '../../shared/model';
import { TOOL_RESULT_INDEX_CHARS } from '../../shared/search';
import type { DocKind } from '../../shared/search';

/**
 * The most a stored body holds, in UTF-8 bytes. Callers cap bodies already (tool results at
 * TOOL_RESULT_INDEX_CHARS); this is the backstop against one pasted log bloating the index.
 */
export const BODY_CAP_BYTES = 256 * 1024;

/** A search document as the index stores it (db.ts). */
export interface DocInput {
  turn: number | null;
  kind: DocKind;
  role: string | null;
  tool: string | null;
  time: string | null;
  failed: boolean;
  /** A tool call's: whether it succeeded, null where the format does not say. */
  outcome?: boolean | null;
  /** A tool call's recorded duration. */
  durationMs?: number | null;
  body: string;
}

/** Arguments are what a person searches tool calls by, but a pasted file as an argument is not. */
const TOOL_ARGUMENT_CHARS = 4 * 1024;

export function sessionDoc(summary: SessionSummary): DocInput {
  const parts = [summary.title, summary.projectPath ?? '', summary.key ?? '', summary.ref.id];
  return {
    turn: null,
    kind: 'session',
    role: null,
    tool: null,
    time: summary.updatedAt,
    failed: false,
    body: parts.filter((part) => part !== '').join('\n'),
  };
}

export function turnDocs(turn: Turn): DocInput[] {
  const docs: DocInput[] = [];
  if (turn.text !== '') {
    docs.push({
      turn: turn.index,
      kind: turn.notice ? 'event' : 'message',
      role: turn.role,
      tool: null,
      time: turn.time,
      failed: false,
      body: turn.text,
    });
  }
  for (const call of turn.toolCalls) docs.push(toolDoc(turn, call));
  return docs;
}

function toolDoc(turn: Turn, call: ToolCall): DocInput {
  const args = cut(textOf(call.arguments), TOOL_ARGUMENT_CHARS);
  const result = cut(textOf(call.result), TOOL_RESULT_INDEX_CHARS);
  return {
    turn: turn.index,
    kind: 'tool',
    role: 'tool',
    tool: call.name,
    time: turn.time,
    failed: call.success === false,
    outcome: call.success,
    durationMs: call.durationMs,
    body: [call.name, args, result].filter((part) => part !== '').join('\n'),
  };
}

/** Learned facts and preferences, where a format keeps them (ORCS today). */
export function panelDocs(panels: FormatPanels, time: string | null): DocInput[] {
  if (panels.format !== 'orcs') return [];
  const doc = (kind: 'fact' | 'preference', body: string): DocInput => ({
    turn: null,
    kind,
    role: null,
    tool: null,
    time,
    failed: false,
    body,
  });
  const facts = panels.projectContext.learnedFacts.map((fact) => doc('fact', `${fact.key}: ${fact.value}`));
  const { codingStyle, communication, frequentTools, custom } = panels.preferences;
  const preferences = [
    ...Object.entries(codingStyle),
    ...Object.entries(communication),
    ['frequentTools', frequentTools],
    ...Object.entries(custom),
  ]
    .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => doc('preference', `${key}: ${textOf(value)}`));
  return [...facts, ...preferences];
}

export function failedCalls(turns: Turn[]): number {
  return turns.reduce((sum, turn) => sum + turn.toolCalls.filter((call) => call.success === false).length, 0);
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'bigint' ? inner.toString() : inner,
    );
  } catch {
    return String(value);
  }
}

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The body cut to BODY_CAP_BYTES of UTF-8, never inside a character. */
export function capBody(body: string): string {
  if (body.length * 3 <= BODY_CAP_BYTES) return body;
  const { read } = new TextEncoder().encodeInto(body, new Uint8Array(BODY_CAP_BYTES));
  return body.slice(0, read);
}
