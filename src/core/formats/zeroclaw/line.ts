/**
 * One line of a ZeroClaw session file, read the way `SessionStore::load` reads it (formats.md
 * §2.3): Rust's `lines()` (which fails on invalid UTF-8, and ZeroClaw skips such lines), `trim()`,
 * skip blanks, `serde_json::from_str::<ChatMessage>`. A line we call readable is exactly a line
 * ZeroClaw loads, so message counts and "remove the last message" agree with the agent.
 *
 * Where JSON.parse and serde differ, serde wins:
 * - `trim()` strips Unicode White_Space (U+0085 included, U+FEFF not); JS's trim() is another set.
 * - A duplicated `role` or `content` key is an error to serde; JSON.parse keeps the last one.
 * - serde accepts a struct as a JSON array of its fields in order: `["user","hi"]` is a message.
 * - `role` and `content` must be valid Unicode: a lone surrogate escape (`"\ud800"`) is an error,
 *   and so is one in any top-level key. Unknown fields are ignored whatever they hold.
 */
import { isUtf8 } from 'node:buffer';
import type { RawLine, Verdict } from '../../jsonl';

export interface ChatMessage {
  role: string;
  content: string;
}

export type ParsedLine = { message: ChatMessage } | { blank: true } | { unreadable: string };

const LONE_SURROGATE = /\p{Surrogate}/u;

export function parseLine(bytes: Buffer | null): ParsedLine {
  if (bytes === null) return { unreadable: 'the line is too long to read' };
  if (!isUtf8(bytes)) return { unreadable: 'not valid UTF-8, so ZeroClaw skips it' };
  const text = rustTrim(bytes.toString('utf8'));
  if (text === '') return { blank: true };
  if (text.includes('\0')) return { unreadable: 'contains NUL bytes, the mark of a crashed write' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text.charCodeAt(0) === 0xfeff) {
      return { unreadable: 'starts with a byte-order mark, which serde does not skip' };
    }
    if (text.indexOf('{"role"', 1) > 0 || text.indexOf('{"content"', 1) > 0) {
      return {
        unreadable: 'a record starts in the middle of the line: a torn write followed by the next record',
      };
    }
    return { unreadable: `not valid JSON (${error instanceof Error ? error.message : 'syntax error'})` };
  }
  return Array.isArray(value) ? fromSequence(value) : fromMap(value, text);
}

/** The index's view of a line: records are exactly the lines ZeroClaw loads. */
export function classifyLine(line: RawLine): Verdict {
  const parsed = parseLine(line.bytes);
  if ('message' in parsed) return 'record';
  if ('blank' in parsed) return 'blank';
  return {
    unreadable: line.terminated ? parsed.unreadable : `torn last line, no newline: ${parsed.unreadable}`,
  };
}

/** Rust's `str::trim`: `char::is_whitespace` is the White_Space property, all of it in the BMP. */
export function rustTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function fromSequence(items: unknown[]): ParsedLine {
  if (items.length !== 2) {
    return { unreadable: `an array of ${items.length} values, not the two fields of a message` };
  }
  const [role, content] = items;
  if (typeof role !== 'string') return { unreadable: '`role` is not a string' };
  if (typeof content !== 'string') return { unreadable: '`content` is not a string' };
  return checked(role, content);
}

function fromMap(value: unknown, text: string): ParsedLine {
  if (typeof value !== 'object' || value === null) return { unreadable: 'not a JSON object' };
  const fields = value as Record<string, unknown>;
  for (const field of ['role', 'content']) {
    if (!Object.hasOwn(fields, field)) return { unreadable: `missing field \`${field}\`` };
    if (typeof fields[field] !== 'string') return { unreadable: `\`${field}\` is not a string` };
  }
  const keyProblem = mayHaveKeyProblem(text) ? keyIssue(text) : null;
  if (keyProblem) return { unreadable: keyProblem };
  return checked(fields.role as string, fields.content as string);
}

function checked(role: string, content: string): ParsedLine {
  if (LONE_SURROGATE.test(role)) return { unreadable: '`role` holds a lone UTF-16 surrogate' };
  if (LONE_SURROGATE.test(content)) return { unreadable: '`content` holds a lone UTF-16 surrogate' };
  return { message: { role, content } };
}

/**
 * Cheap test for the rare lines that need the key scan: a key can only repeat if its quoted name
 * occurs twice, and only an escape can hide a key's name or hold a surrogate. Inside a JSON string
 * every `"` is escaped, so `"role"` in message text never matches.
 */
function mayHaveKeyProblem(text: string): boolean {
  return text.includes('\\u') || occursTwice(text, '"role"') || occursTwice(text, '"content"');
}

/** Forward searches only: lastIndexOf is several times slower on the long lines sessions hold. */
function occursTwice(text: string, needle: string): boolean {
  const first = text.indexOf(needle);
  return first !== -1 && text.indexOf(needle, first + needle.length) !== -1;
}

/** Scans the top-level keys of a JSON object JSON.parse already accepted. */
function keyIssue(text: string): string | null {
  const seen = new Set<string>();
  let at = skipSpace(text, text.indexOf('{') + 1);
  while (text[at] === '"') {
    const end = stringEnd(text, at);
    const key = JSON.parse(text.slice(at, end)) as string;
    if (LONE_SURROGATE.test(key)) return 'a key holds a lone UTF-16 surrogate';
    if ((key === 'role' || key === 'content') && seen.has(key)) return `duplicate field \`${key}\``;
    seen.add(key);
    at = valueEnd(text, skipSpace(text, skipSpace(text, end) + 1));
    at = skipSpace(text, at);
    if (text[at] === ',') at = skipSpace(text, at + 1);
  }
  return null;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
  return at;
}

/** Index just past the string literal starting at `at`. */
function stringEnd(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index just past the JSON value starting at `at`. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first !== '{' && first !== '[') {
    let i = at;
    while (i < text.length && !',}] \t\n\r'.includes(text[i] ?? '')) i += 1;
    return i;
  }
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return i;
}
