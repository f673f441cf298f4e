/**
 * The derived `terms` column. unicode61 already splits text at every character that is not a
 * letter or a digit (`_`, `-`, `.`, `/` included), so the body column alone finds `isolation` in
 * `context_isolation` or `index` in `src/main/index.ts`. What it cannot find is anything inside
 * one of its tokens: the words of `contextIsolation`, or any part of a CJK run, which it keeps
 * whole (`東京都庁` is one token). `terms` holds those: identifier parts and CJK bigrams.
 *
 * query.ts builds its MATCH expressions from the same functions, so the two sides agree on
 * where a word splits.
 */

/**
 * Past this, a call looks no further: a body longer than this is a pasted file or a tool's
 * dump, whose tail is still found by its body tokens, just not by identifier parts or bigrams.
 */
const MAX_TEXT_CHARS = 200_000;
/** Longer letter runs are hashes and base64, whose case changes split into noise. */
const MAX_IDENTIFIER_CHARS = 64;

const SEPARATOR = 1;
const LOWER = 2;
const UPPER = 3;
const CJK = 4;
// Close to unicode61's token characters, though its Unicode tables are older than V8's.
const IS_TOKEN_CHAR = /^[\p{L}\p{N}\p{M}\p{Co}]$/u;
// Script extensions, not scripts: the prolonged sound mark ー belongs to both kana, not to Common.
const IS_CJK = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/u;
const IS_UPPER = /^\p{Lu}$/u;
/** `XMLParser` → XML, Parser; `contextIsolation` → context, Isolation; `utf8Decoder` → utf8, Decoder. */
const PART = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[^\p{Lu}]+|\p{Lu}+/gu;

/**
 * Each code point's kind, filled in on first sight (0 until then). Property-class regexes cost
 * several times what FTS5 spends indexing the same text, so they run once per distinct
 * character, not once per character.
 */
const kinds = new Uint8Array(0x110000);

function kindOf(code: number): number {
  let kind = kinds[code] as number;
  if (kind === 0) {
    const char = String.fromCodePoint(code);
    // CJK punctuation (、。「」) shares those scripts but is no token character.
    if (!IS_TOKEN_CHAR.test(char)) kind = SEPARATOR;
    else if (IS_CJK.test(char)) kind = CJK;
    else kind = IS_UPPER.test(char) ? UPPER : LOWER;
    kinds[code] = kind;
  }
  return kind;
}

/**
 * Extra tokens for the `terms` column: identifier parts and CJK bigrams, space-separated; ''
 * when there are none. Reads only the first MAX_TEXT_CHARS of `text`.
 *
 * Deduplicated per token of the body, not per emitted word: a phrase query for a CJK string
 * or a split identifier needs that token's parts to stay adjacent, and dropping a bigram seen
 * in an earlier token would break the later token's sequence.
 */
export function extraTerms(text: string): string {
  let end = Math.min(text.length, MAX_TEXT_CHARS);
  // Never cut a surrogate pair: the scan below reads whole code points.
  if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  const seen = new Set<string>();
  const groups = new Set<string>();
  let start = 0;
  // Only a token with an uppercase letter or a CJK character has anything to add.
  let promising = false;
  for (let i = 0; i <= end;) {
    const code = i < end ? (text.codePointAt(i) as number) : 0x20;
    const next = i + (code > 0xffff ? 2 : 1);
    const kind = kindOf(code);
    if (kind === SEPARATOR) {
      const token = promising ? text.slice(start, i) : '';
      if (token !== '' && !seen.has(token)) {
        seen.add(token);
        const group = tokenTerms(token);
        if (group !== '') groups.add(group);
      }
      start = next;
      promising = false;
    } else if (kind !== LOWER) promising = true;
    i = next;
  }
  return [...groups].join(' ');
}

function tokenTerms(token: string): string {
  const pieces = splitCjk(token);
  if (pieces.length === 1) {
    const parts = identifierParts(token);
    return parts.length > 1 ? parts.join(' ') : '';
  }
  // The body has only the whole mixed token (`reactのcomponent`), so even a one-part Latin
  // piece of it is new here.
  return pieces
    .flatMap((piece, i) => (i % 2 === 1 ? cjkBigrams(piece) : piece === '' ? [] : identifierParts(piece)))
    .join(' ');
}

/** Splits text into [other, cjk, other, …, other] like String.split with a capture: CJK runs at odd indices. */
export function splitCjk(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let inCjk = false;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i) as number;
    if ((kindOf(code) === CJK) !== inCjk) {
      pieces.push(text.slice(start, i));
      start = i;
      inCjk = !inCjk;
    }
    i += code > 0xffff ? 2 : 1;
  }
  pieces.push(text.slice(start));
  if (inCjk) pieces.push('');
  return pieces;
}

/** The lowercased words of one letters-and-digits run; the run itself when it does not split. */
export function identifierParts(run: string): string[] {
  const lower = run.toLowerCase();
  if (run.length > MAX_IDENTIFIER_CHARS || lower === run) return [lower];
  return (run.match(PART) ?? [run]).map((part) => part.toLowerCase());
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Overlapping pairs of a CJK run's characters; none for a single character. */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}
