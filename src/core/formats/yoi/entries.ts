/**
 * The records of a yoi session log (formats.md §3.2–3.4, session-store @ 2b89bb6d), read
 * tolerantly: a line serde would reject is still shown. Known shapes become typed values; an
 * unknown `kind` or item `type` is kept whole as raw JSON so nothing is hidden, and unknown
 * extra fields are ignored exactly as serde ignores them.
 */

export const itemStatuses = ['inprogress', 'completed', 'incomplete'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export const roles = ['user', 'assistant', 'system'] as const;
export type Role = (typeof roles)[number];
export const workerResults = ['finished', 'paused', 'limit_reached', 'yielded'] as const;
export type WorkerResult = (typeof workerResults)[number];

export type ContentPart = { type: 'text'; text: string } | { type: 'refusal'; refusal: string };

export type Item =
  | { type: 'message'; id?: string; role: Role; content: ContentPart[]; status?: ItemStatus }
  | { type: 'tool_call'; id?: string; call_id: string; name: string; arguments: string; status?: ItemStatus }
  | { type: 'tool_result'; id?: string; call_id: string; summary: string; content?: string }
  | {
      type: 'reasoning';
      id?: string;
      text: string;
      summary?: string[];
      encrypted_content?: string;
      status?: ItemStatus;
    }
  /** An item this version of the crate would not read; shown raw, never written. */
  | { type: 'unknown'; raw: unknown };

/** Fields serde ignores on read (a later writer added them); kept only to be shown. */
export type Extra = Record<string, unknown>;

const itemFields: Record<string, readonly string[]> = {
  message: ['type', 'id', 'role', 'content', 'status'],
  tool_call: ['type', 'id', 'call_id', 'name', 'arguments', 'status'],
  tool_result: ['type', 'id', 'call_id', 'summary', 'content'],
  reasoning: ['type', 'id', 'text', 'summary', 'encrypted_content', 'status'],
};

/** The fields of `v` not in `known`, or undefined when there are none. */
function extraFields(v: Record<string, unknown>, known: readonly string[]): Extra | undefined {
  const extra = Object.entries(v).filter(([key]) => !known.includes(key));
  return extra.length > 0 ? Object.fromEntries(extra) : undefined;
}

const extras = new WeakMap<object, Extra>();

/** The fields serde ignored when this item or entry was read, if any. */
export const extraOf = (value: object): Extra | undefined => extras.get(value);

function keepExtra<T extends object>(value: T, raw: Record<string, unknown>, known: readonly string[]): T {
  const extra = extraFields(raw, known);
  if (extra) extras.set(value, extra);
  return value;
}

const entryFields: Record<string, readonly string[]> = {
  session_start: ['system_prompt', 'config', 'history', 'forked_from', 'compacted_from'],
  user_input: ['item'],
  assistant_items: ['items'],
  tool_results: ['items'],
  hook_injected_items: ['items'],
  turn_end: ['turn_count'],
  run_completed: ['interrupted', 'result'],
  run_errored: ['interrupted', 'message'],
  config_changed: ['config'],
  llm_usage: [
    'history_len',
    'input_total_tokens',
    'cache_read_tokens',
    'cache_write_tokens',
    'output_tokens',
  ],
  extension: ['domain', 'payload'],
};

/** `ReasoningControl` is untagged: an effort label or a token budget. */
export type ReasoningControl = string | number;

export interface RequestConfig {
  max_tokens: number | null;
  /** f32 in Rust: written with f32 shortest round-trip digits. */
  temperature: number | null;
  top_p: number | null;
  top_k: number | null;
  stop_sequences: string[];
  reasoning: ReasoningControl | null;
}

export const defaultConfig = (): RequestConfig => ({
  max_tokens: null,
  temperature: null,
  top_p: null,
  top_k: null,
  stop_sequences: [],
  reasoning: null,
});

export interface SessionOrigin {
  session_id: string;
  at_hash: string;
}

/** serde_json::Value as JS holds it; bigint lets a caller write a u64 beyond 2^53 exactly. */
export type JsonValue =
  null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

export type LogEntry =
  | {
      kind: 'session_start';
      ts: number;
      system_prompt: string | null;
      config: RequestConfig;
      history: Item[];
      forked_from?: SessionOrigin;
      compacted_from?: SessionOrigin;
    }
  | { kind: 'user_input'; ts: number; item: Item }
  | { kind: 'assistant_items' | 'tool_results' | 'hook_injected_items'; ts: number; items: Item[] }
  | { kind: 'turn_end'; ts: number; turn_count: number }
  | { kind: 'run_completed'; ts: number; interrupted: boolean; result: WorkerResult }
  | { kind: 'run_errored'; ts: number; interrupted: boolean; message: string }
  | { kind: 'config_changed'; ts: number; config: RequestConfig }
  | {
      kind: 'llm_usage';
      ts: number;
      history_len: number;
      input_total_tokens: number;
      cache_read_tokens: number;
      cache_write_tokens: number;
      output_tokens: number;
    }
  | { kind: 'extension'; ts: number; domain: string; payload: JsonValue };

/** A line whose `kind` this crate version does not know (a later or earlier version wrote it). */
export interface UnknownEntry {
  kind: 'unknown';
  ts: number | null;
  raw: unknown;
}

export interface HashedEntry {
  hash: string;
  prevHash: string | null;
  entry: LogEntry | UnknownEntry;
}

type Obj = Record<string, unknown>;

const HEX64 = /^[0-9a-f]{64}$/;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isUint = (v: unknown): v is number => isNum(v) && Number.isInteger(v) && v >= 0;
const optStr = (v: unknown): boolean => v === undefined || v === null || isStr(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);
const optStatus = (v: unknown): boolean => v === undefined || v === null || oneOf(itemStatuses, v);

/** Copies an optional field only when present, as `skip_serializing_if = "Option::is_none"` would. */
function some<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

function contentPart(v: unknown): ContentPart | null {
  if (!isObj(v)) return null;
  if (v.type === 'text' && isStr(v.text)) return { type: 'text', text: v.text };
  if (v.type === 'refusal' && isStr(v.refusal)) return { type: 'refusal', refusal: v.refusal };
  return null;
}

export function parseItem(v: unknown): Item {
  const item = readItem(v);
  return item.type === 'unknown' || !isObj(v) ? item : keepExtra(item, v, itemFields[item.type] ?? []);
}

function readItem(v: unknown): Item {
  const unknown: Item = { type: 'unknown', raw: v };
  if (!isObj(v) || !optStr(v.id)) return unknown;
  const id = v.id as string | null | undefined;
  switch (v.type) {
    case 'message': {
      if (!oneOf(roles, v.role) || !Array.isArray(v.content) || !optStatus(v.status)) return unknown;
      const content = v.content.map(contentPart);
      if (content.some((c) => c === null)) return unknown;
      const status = v.status as ItemStatus | null | undefined;
      return {
        type: 'message',
        ...some('id', id),
        role: v.role,
        content: content as ContentPart[],
        ...some('status', status),
      };
    }
    case 'tool_call': {
      if (!isStr(v.call_id) || !isStr(v.name) || !isStr(v.arguments) || !optStatus(v.status)) return unknown;
      const status = v.status as ItemStatus | null | undefined;
      return {
        type: 'tool_call',
        ...some('id', id),
        call_id: v.call_id,
        name: v.name,
        arguments: v.arguments,
        ...some('status', status),
      };
    }
    case 'tool_result': {
      if (!isStr(v.call_id) || !isStr(v.summary) || !optStr(v.content)) return unknown;
      const content = v.content as string | null | undefined;
      return {
        type: 'tool_result',
        ...some('id', id),
        call_id: v.call_id,
        summary: v.summary,
        ...some('content', content),
      };
    }
    case 'reasoning': {
      const summary = v.summary ?? [];
      if (!isStr(v.text) || !Array.isArray(summary) || !summary.every(isStr)) return unknown;
      if (!optStr(v.encrypted_content) || !optStatus(v.status)) return unknown;
      const encrypted = v.encrypted_content as string | null | undefined;
      const status = v.status as ItemStatus | null | undefined;
      return {
        type: 'reasoning',
        ...some('id', id),
        text: v.text,
        ...(summary.length > 0 ? { summary } : {}),
        ...some('encrypted_content', encrypted),
        ...some('status', status),
      };
    }
    default:
      return unknown;
  }
}

const optNum = (v: unknown): v is number | null | undefined => v === undefined || v === null || isNum(v);

export function parseConfig(v: unknown): RequestConfig | null {
  if (!isObj(v)) return null;
  const { max_tokens, temperature, top_p, top_k, stop_sequences, reasoning } = v;
  if (!optNum(max_tokens) || !optNum(temperature) || !optNum(top_p) || !optNum(top_k)) return null;
  if (!Array.isArray(stop_sequences) || !stop_sequences.every(isStr)) return null;
  if (!(reasoning === undefined || reasoning === null || isStr(reasoning) || isNum(reasoning))) return null;
  return {
    max_tokens: max_tokens ?? null,
    temperature: temperature ?? null,
    top_p: top_p ?? null,
    top_k: top_k ?? null,
    stop_sequences,
    reasoning: reasoning ?? null,
  };
}

function origin(v: unknown): SessionOrigin | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v) || !isStr(v.session_id) || !isStr(v.at_hash) || !HEX64.test(v.at_hash)) return null;
  return { session_id: v.session_id, at_hash: v.at_hash };
}

const items = (v: unknown): Item[] | null => (Array.isArray(v) ? v.map(parseItem) : null);

/** The entry a parsed line holds, or null when a known kind has fields serde would reject. */
export function parseEntry(v: Obj): LogEntry | UnknownEntry | null {
  const ts = v.ts;
  if (!isUint(ts))
    return typeof v.kind === 'string' && !Object.hasOwn(entryFields, v.kind) ? unknownEntry(v) : null;
  switch (v.kind) {
    case 'session_start': {
      const config = parseConfig(v.config);
      const history = items(v.history);
      const forked = origin(v.forked_from);
      const compacted = origin(v.compacted_from);
      if (!optStr(v.system_prompt) || !config || !history || forked === null || compacted === null)
        return null;
      return {
        kind: 'session_start',
        ts,
        system_prompt: (v.system_prompt as string | null | undefined) ?? null,
        config,
        history,
        ...some('forked_from', forked),
        ...some('compacted_from', compacted),
      };
    }
    case 'user_input':
      return isObj(v.item) ? { kind: 'user_input', ts, item: parseItem(v.item) } : null;
    case 'assistant_items':
    case 'tool_results':
    case 'hook_injected_items': {
      const list = items(v.items);
      return list ? { kind: v.kind, ts, items: list } : null;
    }
    case 'turn_end':
      return isUint(v.turn_count) ? { kind: 'turn_end', ts, turn_count: v.turn_count } : null;
    case 'run_completed':
      if (typeof v.interrupted !== 'boolean' || !oneOf(workerResults, v.result)) return null;
      return { kind: 'run_completed', ts, interrupted: v.interrupted, result: v.result };
    case 'run_errored':
      if (typeof v.interrupted !== 'boolean' || !isStr(v.message)) return null;
      return { kind: 'run_errored', ts, interrupted: v.interrupted, message: v.message };
    case 'config_changed': {
      const config = parseConfig(v.config);
      return config ? { kind: 'config_changed', ts, config } : null;
    }
    case 'llm_usage': {
      const { history_len, input_total_tokens, cache_read_tokens, cache_write_tokens, output_tokens } = v;
      if (
        ![history_len, input_total_tokens, cache_read_tokens, cache_write_tokens, output_tokens].every(isUint)
      ) {
        return null;
      }
      return {
        kind: 'llm_usage',
        ts,
        history_len: history_len as number,
        input_total_tokens: input_total_tokens as number,
        cache_read_tokens: cache_read_tokens as number,
        cache_write_tokens: cache_write_tokens as number,
        output_tokens: output_tokens as number,
      };
    }
    case 'extension':
      if (!isStr(v.domain) || !('payload' in v)) return null;
      return { kind: 'extension', ts, domain: v.domain, payload: v.payload as JsonValue };
    default:
      return typeof v.kind === 'string' ? unknownEntry(v) : null;
  }
}

function unknownEntry(v: Obj): UnknownEntry {
  const raw = Object.fromEntries(Object.entries(v).filter(([key]) => key !== 'hash' && key !== 'prev_hash'));
  return { kind: 'unknown', ts: isUint(v.ts) ? v.ts : null, raw };
}

export type ParsedLine = { ok: true; value: HashedEntry } | { ok: false; reason: string };

/**
 * One line's text as a `HashedEntry`. NUL runs (a crashed buffered append) are stripped first,
 * and a torn stub glued to the next record is salvaged from the last `{"hash":` on the line
 * (security.md §3.2, reader rule 1).
 */
export function parseHashedLine(text: string): ParsedLine {
  const first = parseOnce(text);
  if (first.ok) return first;
  const cleaned = text.replaceAll('\u0000', '');
  if (cleaned !== text) {
    const again = parseOnce(cleaned);
    if (again.ok) return again;
  }
  const glued = cleaned.lastIndexOf('{"hash":');
  if (glued > 0) {
    const tail = parseOnce(cleaned.slice(glued));
    if (tail.ok) return tail;
  }
  return first;
}

function parseOnce(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObj(value)) return { ok: false, reason: 'not a JSON object' };
  if (!isStr(value.hash) || !HEX64.test(value.hash)) return { ok: false, reason: 'no 64-hex "hash"' };
  const prev = value.prev_hash;
  if (!(prev === null || (isStr(prev) && HEX64.test(prev)))) return { ok: false, reason: 'bad "prev_hash"' };
  const entry = parseEntry(value);
  if (entry && entry.kind !== 'unknown')
    keepExtra(entry, value, ['hash', 'prev_hash', 'kind', 'ts', ...(entryFields[entry.kind] ?? [])]);
  if (!entry) return { ok: false, reason: `a "${String(value.kind)}" entry with missing or mistyped fields` };
  return { ok: true, value: { hash: value.hash, prevHash: prev, entry } };
}
