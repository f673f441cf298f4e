/**
 * `serde_json::to_string` of a `LogEntry` and of a whole `HashedEntry` line, byte for byte as the
 * crate writes them (formats.md §3.5, writer rules): struct field order, `null` for `None`
 * fields without a skip attribute, skipped empty fields, f32 digits for `temperature`/`top_p`,
 * and `extension.payload` keys sorted as a BTreeMap<String, _> sorts them (by UTF-8 bytes).
 * JSON.stringify is used only for strings: it escapes exactly as serde_json does for any string
 * Rust can hold (no lone surrogates).
 */
import { formatF32, formatF64 } from '../orcs/numbers';
import type { ContentPart, Item, JsonValue, LogEntry, RequestConfig, SessionOrigin } from './entries';

const str = (s: string): string => JSON.stringify(s);

function uint(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not an unsigned integer: ${n}`);
  return String(n);
}

const opt = <T>(v: T | null, write: (v: T) => string): string => (v === null ? 'null' : write(v));

/** Fields in order; undefined values are skipped fields. */
function object(fields: [string, string | undefined][]): string {
  return `{${fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `${str(k)}:${v}`)
    .join(',')}}`;
}

const list = <T>(values: readonly T[], write: (v: T) => string): string => `[${values.map(write).join(',')}]`;
const skipNone = (v: string | undefined): string | undefined => (v === undefined ? undefined : str(v));

function part(p: ContentPart): string {
  return p.type === 'text'
    ? object([
        ['type', '"text"'],
        ['text', str(p.text)],
      ])
    : object([
        ['type', '"refusal"'],
        ['refusal', str(p.refusal)],
      ]);
}

export function serializeItem(item: Item): string {
  switch (item.type) {
    case 'message':
      return object([
        ['type', '"message"'],
        ['id', skipNone(item.id)],
        ['role', str(item.role)],
        ['content', list(item.content, part)],
        ['status', skipNone(item.status)],
      ]);
    case 'tool_call':
      return object([
        ['type', '"tool_call"'],
        ['id', skipNone(item.id)],
        ['call_id', str(item.call_id)],
        ['name', str(item.name)],
        ['arguments', str(item.arguments)],
        ['status', skipNone(item.status)],
      ]);
    case 'tool_result':
      return object([
        ['type', '"tool_result"'],
        ['id', skipNone(item.id)],
        ['call_id', str(item.call_id)],
        ['summary', str(item.summary)],
        ['content', skipNone(item.content)],
      ]);
    case 'reasoning':
      return object([
        ['type', '"reasoning"'],
        ['id', skipNone(item.id)],
        ['text', str(item.text)],
        ['summary', item.summary && item.summary.length > 0 ? list(item.summary, str) : undefined],
        ['encrypted_content', skipNone(item.encrypted_content)],
        ['status', skipNone(item.status)],
      ]);
    case 'unknown':
      throw new TypeError('an item this crate version cannot read cannot be written either');
  }
}

/** An integral `BudgetTokens(i32)` is written as an integer; anything else as a label. */
function reasoning(r: string | number): string {
  if (typeof r === 'string') return str(r);
  if (!Number.isInteger(r) || r < -(2 ** 31) || r >= 2 ** 31) throw new RangeError(`not an i32 budget: ${r}`);
  return String(r);
}

export function serializeConfig(c: RequestConfig): string {
  return object([
    ['max_tokens', opt(c.max_tokens, uint)],
    ['temperature', opt(c.temperature, formatF32)],
    ['top_p', opt(c.top_p, formatF32)],
    ['top_k', opt(c.top_k, uint)],
    ['stop_sequences', list(c.stop_sequences, str)],
    ['reasoning', opt(c.reasoning, reasoning)],
  ]);
}

const origin = (o: SessionOrigin | undefined): string | undefined =>
  o &&
  object([
    ['session_id', str(o.session_id)],
    ['at_hash', str(o.at_hash)],
  ]);

/** Byte order of the UTF-8 keys, which is how Rust's `String: Ord` (and so BTreeMap) sorts. */
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);

/** A Value number holds a u64 or an i64 exactly; anything wider it cannot hold at all. */
function integer(n: bigint): string {
  if (n > U64_MAX || n < I64_MIN) throw new RangeError(`not a u64 or i64: ${n}`);
  return n.toString();
}

/**
 * A `serde_json::Value` as the crate writes it. A JS number that is an integer is written as one
 * (serde's u64/i64); anything else as an f64. bigint carries u64/i64 values beyond 2^53. -0 is
 * an f64 to serde_json (it reads `-0` as -0.0, there being no negative zero integer), so it
 * stays `-0.0` rather than collapsing to the integer 0, which would change the entry's hash.
 */
export function serializeValue(v: JsonValue): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return integer(v);
    case 'number':
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : formatF64(v);
    case 'string':
      return str(v);
  }
  if (Array.isArray(v)) return list(v, serializeValue);
  return `{${Object.keys(v)
    .sort(byUtf8)
    .map((k) => `${str(k)}:${serializeValue(v[k] ?? null)}`)
    .join(',')}}`;
}

export function serializeEntry(e: LogEntry): string {
  const head: [string, string][] = [
    ['kind', str(e.kind)],
    ['ts', uint(e.ts)],
  ];
  switch (e.kind) {
    case 'session_start':
      return object([
        ...head,
        ['system_prompt', opt(e.system_prompt, str)],
        ['config', serializeConfig(e.config)],
        ['history', list(e.history, serializeItem)],
        ['forked_from', origin(e.forked_from)],
        ['compacted_from', origin(e.compacted_from)],
      ]);
    case 'user_input':
      return object([...head, ['item', serializeItem(e.item)]]);
    case 'assistant_items':
    case 'tool_results':
    case 'hook_injected_items':
      return object([...head, ['items', list(e.items, serializeItem)]]);
    case 'turn_end':
      return object([...head, ['turn_count', uint(e.turn_count)]]);
    case 'run_completed':
      return object([...head, ['interrupted', String(e.interrupted)], ['result', str(e.result)]]);
    case 'run_errored':
      return object([...head, ['interrupted', String(e.interrupted)], ['message', str(e.message)]]);
    case 'config_changed':
      return object([...head, ['config', serializeConfig(e.config)]]);
    case 'llm_usage':
      return object([
        ...head,
        ['history_len', uint(e.history_len)],
        ['input_total_tokens', uint(e.input_total_tokens)],
        ['cache_read_tokens', uint(e.cache_read_tokens)],
        ['cache_write_tokens', uint(e.cache_write_tokens)],
        ['output_tokens', uint(e.output_tokens)],
      ]);
    case 'extension':
      return object([...head, ['domain', str(e.domain)], ['payload', serializeValue(e.payload)]]);
  }
}
