/**
 * The chain hash (formats.md §3.5): SHA-256 of the previous entry's 32 raw hash bytes (32 zero
 * bytes for the first) followed by the compact JSON of the `LogEntry` alone. Because serde's
 * `flatten` writes `hash` and `prev_hash` first and then exactly the entry's fields, that JSON
 * is `"{"` plus the line after its `{"hash":"…","prev_hash":…,` prefix: verifying hashes the
 * line's own bytes and never re-serialises (which would turn `1.0` into `1`).
 */
import { createHash } from 'node:crypto';
import { serializeEntry } from './serialize';
import type { LogEntry } from './entries';

export const ZERO_HASH = Buffer.alloc(32);
const OPEN = Buffer.from('{');

/** `compute_hash(prev, entry)` over the entry's JSON bytes (which begin with "{"). */
export function hashEntryJson(prev: Buffer | null, json: Buffer | string): Buffer {
  return createHash('sha256')
    .update(prev ?? ZERO_HASH)
    .update(json)
    .digest();
}

/** The same hash over the line's bytes after its prefix, without copying them. */
export function hashLineBody(prev: Buffer | null, body: Buffer): Buffer {
  return createHash('sha256')
    .update(prev ?? ZERO_HASH)
    .update(OPEN)
    .update(body)
    .digest();
}

export interface HashedLine {
  hash: string;
  /** The line as the crate writes it, without its "\n". */
  line: string;
}

/** The line `append_entry(prev, entry)` writes, and its hash. */
export function hashedLine(prev: string | null, entry: LogEntry): HashedLine {
  const json = serializeEntry(entry);
  const hash = hashEntryJson(prev === null ? null : Buffer.from(prev, 'hex'), json).toString('hex');
  const prevJson = prev === null ? 'null' : `"${prev}"`;
  return { hash, line: `{"hash":"${hash}","prev_hash":${prevJson},${json.slice(1)}` };
}

/** `{"hash":"` + 64 hex + `","prev_hash":` */
const HASH_AT = 9;
const PREV_AT = HASH_AT + 64 + 14;
const NULL_PREFIX = PREV_AT + 5; // `null,`
const HEX_PREFIX = PREV_AT + 1 + 64 + 2; // `"<hex>",`

export interface LinePrefix {
  hash: Buffer;
  prev: Buffer | null;
  /** The entry's JSON after its opening "{". */
  body: Buffer;
}

const isHex = (b: Buffer, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const c = b[i] ?? 0;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
};

const PREFIX_HEAD = Buffer.from('{"hash":"');
const PREFIX_MID = Buffer.from('","prev_hash":');
const NULL_COMMA = Buffer.from('null,');

const matches = (b: Buffer, at: number, what: Buffer): boolean =>
  b.length >= at + what.length && b.compare(what, 0, what.length, at, at + what.length) === 0;

/** Splits a line written by the crate into its hashes and entry body; null if it is not one. */
export function splitLine(line: Buffer): LinePrefix | null {
  if (
    !matches(line, 0, PREFIX_HEAD) ||
    !isHex(line, HASH_AT, HASH_AT + 64) ||
    !matches(line, HASH_AT + 64, PREFIX_MID)
  ) {
    return null;
  }
  const hash = Buffer.from(line.toString('latin1', HASH_AT, HASH_AT + 64), 'hex');
  if (matches(line, PREV_AT, NULL_COMMA)) return { hash, prev: null, body: line.subarray(NULL_PREFIX) };
  if (line[PREV_AT] !== 0x22 || !isHex(line, PREV_AT + 1, PREV_AT + 65) || line[PREV_AT + 65] !== 0x22)
    return null;
  if (line[PREV_AT + 66] !== 0x2c) return null;
  const prev = Buffer.from(line.toString('latin1', PREV_AT + 1, PREV_AT + 65), 'hex');
  return { hash, prev, body: line.subarray(HEX_PREFIX) };
}
