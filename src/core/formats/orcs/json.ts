/**
 * A JSON reader that accepts exactly what `serde_json::from_str` accepts (formats.md §1.2), and
 * keeps what a rewrite needs to be lossless: number tokens as written, and object members in file
 * order (a JS object would move integer-like keys first). JSON.parse and lossless-json are both
 * more lenient (lone surrogate escapes, unlimited nesting) and both build plain objects.
 */

/** A number exactly as it was written; what it means depends on the Rust type it lands in. */
export class JsonNumber {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

export type JsonObject = Map<string, JsonValue>;
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;

export interface ParsedJson {
  value: JsonValue;
  /** Objects that named a key more than once, with those keys (a Rust struct rejects them). */
  duplicateKeys: WeakMap<JsonObject, Set<string>>;
}

export class JsonSyntaxError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, text: string, offset: number) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    super(`${message} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
    this.line = line;
    this.column = column;
  }
}

/** serde_json gives up at 128 open containers (its `remaining_depth`), so 127 is the deepest. */
export const MAX_DEPTH = 127;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

// JSON forbids raw C0 controls inside strings: this run stops at them so they can be refused.
// eslint-disable-next-line no-control-regex
const plainRun = /[^"\\\u0000-\u001f]*/y;
const numberToken = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const simpleEscapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function parseJson(text: string): ParsedJson {
  const duplicateKeys = new WeakMap<JsonObject, Set<string>>();
  let pos = 0;

  const fail = (message: string, at = pos): JsonSyntaxError => new JsonSyntaxError(message, text, at);

  const skipWhitespace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return;
      pos++;
    }
  };

  const hex4 = (): number => {
    const digits = text.slice(pos, pos + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) {
      throw fail(pos + 4 > text.length ? 'EOF while parsing a string' : 'invalid escape');
    }
    pos += 4;
    return parseInt(digits, 16);
  };

  const unicodeEscape = (): string => {
    const first = hex4();
    if (first >= 0xdc00 && first <= 0xdfff) throw fail('lone trailing surrogate in hex escape');
    if (first < 0xd800 || first > 0xdbff) return String.fromCharCode(first);
    if (text.charCodeAt(pos) !== BACKSLASH || text[pos + 1] !== 'u') {
      throw fail('unexpected end of hex escape (lone leading surrogate)');
    }
    pos += 2;
    const second = hex4();
    if (second < 0xdc00 || second > 0xdfff) throw fail('lone leading surrogate in hex escape');
    return String.fromCharCode(first, second);
  };

  /** Reads a string whose opening quote is at `pos`. */
  const string = (): string => {
    pos++;
    let out = '';
    for (;;) {
      plainRun.lastIndex = pos;
      plainRun.test(text);
      out += text.slice(pos, plainRun.lastIndex);
      pos = plainRun.lastIndex;
      if (pos >= text.length) throw fail('EOF while parsing a string');
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        pos++;
        return out;
      }
      if (c !== BACKSLASH) throw fail('control character (\\u0000-\\u001F) found while parsing a string');
      const escape = text[pos + 1];
      pos += 2;
      if (escape === 'u') out += unicodeEscape();
      else if (escape !== undefined && Object.hasOwn(simpleEscapes, escape)) out += simpleEscapes[escape];
      else throw fail(escape === undefined ? 'EOF while parsing a string' : 'invalid escape', pos - 1);
    }
  };

  const word = (literal: string, value: JsonValue): JsonValue => {
    if (text.startsWith(literal, pos)) {
      pos += literal.length;
      return value;
    }
    throw fail('expected value');
  };

  const number = (): JsonNumber => {
    numberToken.lastIndex = pos;
    const match = numberToken.exec(text);
    if (!match) throw fail('invalid number');
    const end = numberToken.lastIndex;
    // serde_json reads `01` as an error rather than as `0` followed by garbage.
    const next = text.charCodeAt(end);
    if (next >= 0x30 && next <= 0x39) throw fail('invalid number', end);
    if (next === 0x2e || next === 0x65 || next === 0x45) throw fail('invalid number', end);
    pos = end;
    return new JsonNumber(match[0]);
  };

  const value = (depth: number): JsonValue => {
    const c = text[pos];
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return word('true', true);
      case 'f':
        return word('false', false);
      case 'n':
        return word('null', null);
      case undefined:
        throw fail('EOF while parsing a value');
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return number();
        throw fail('expected value');
    }
  };

  const array = (depth: number): JsonValue[] => {
    if (depth > MAX_DEPTH) throw fail('recursion limit exceeded');
    pos++;
    const items: JsonValue[] = [];
    skipWhitespace();
    if (text[pos] === ']') {
      pos++;
      return items;
    }
    for (;;) {
      skipWhitespace();
      items.push(value(depth));
      skipWhitespace();
      const c = text[pos];
      if (c === ',') {
        pos++;
        skipWhitespace();
        if (text[pos] === ']') throw fail('trailing comma');
      } else if (c === ']') {
        pos++;
        return items;
      } else {
        throw fail(c === undefined ? 'EOF while parsing a list' : 'expected `,` or `]`');
      }
    }
  };

  const object = (depth: number): JsonObject => {
    if (depth > MAX_DEPTH) throw fail('recursion limit exceeded');
    pos++;
    const members: JsonObject = new Map();
    skipWhitespace();
    if (text[pos] === '}') {
      pos++;
      return members;
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"')
        throw fail(pos >= text.length ? 'EOF while parsing an object' : 'key must be a string');
      const key = string();
      skipWhitespace();
      if (text[pos] !== ':') throw fail(pos >= text.length ? 'EOF while parsing an object' : 'expected `:`');
      pos++;
      skipWhitespace();
      const member = value(depth);
      if (members.has(key)) {
        const seen = duplicateKeys.get(members) ?? new Set<string>();
        duplicateKeys.set(members, seen.add(key));
      }
      members.set(key, member);
      skipWhitespace();
      const c = text[pos];
      if (c === ',') {
        pos++;
        skipWhitespace();
        if (text[pos] === '}') throw fail('trailing comma');
      } else if (c === '}') {
        pos++;
        return members;
      } else {
        throw fail(c === undefined ? 'EOF while parsing an object' : 'expected `,` or `}`');
      }
    }
  };

  skipWhitespace();
  const root = value(0);
  skipWhitespace();
  if (pos < text.length) throw fail('trailing characters');
  return { value: root, duplicateKeys };
}

/** What a value is, in the words serde uses in its "invalid type" messages. */
export function describeJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `boolean \`${String(value)}\``;
  if (typeof value === 'string') return 'a string';
  if (value instanceof JsonNumber) return `number \`${value.text}\``;
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}
