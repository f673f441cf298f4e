/**
 * The search box's language, compiled to an FTS5 MATCH expression over the `docs` table
 * (schema.ts). The user types words (all must match), "phrases", prefix*, -exclusions and
 * -"excluded phrases"; nothing else is syntax. Every term reaches FTS5 as a quoted string, so
 * AND, NEAR, `col:`, `^`, parentheses and stray quotes are text, and no input is a syntax error.
 */
import { cjkBigrams, identifierParts, splitCjk } from './text';

export const MAX_QUERY_CHARS = 512;
export const MAX_QUERY_TERMS = 32;

export interface ParsedQuery {
  /** An FTS5 MATCH expression that can never be a syntax error, or null when the query has nothing to look for (empty, only exclusions, only punctuation). */
  match: string | null;
  /** Lowercased plain strings (words, phrase texts, prefixes without '*') to highlight in snippets, positive terms only. */
  highlights: string[];
  /** True when the input was cut to MAX_QUERY_CHARS or MAX_QUERY_TERMS. */
  capped: boolean;
}

/** An optional minus, then a quoted phrase (an unclosed one runs to the end) or a bare word. */
const TERM = /(-?)(?:"([^"]*)"?|([^\s"]+))/gu;
/** Whether unicode61 finds a token in a string; a string without one matches no row at all. */
const TOKEN = /[\p{L}\p{N}\p{Co}]/u;
/** Text that reads as one identifier, so its parts may also be written run together. */
const IDENTIFIER = /^[\p{L}\p{N}\p{M}_-]+$/u;
/** unicode61's tokens, as near as text.ts reckons them. */
const UNIT = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export function parseQuery(input: string): ParsedQuery {
  let capped = input.length > MAX_QUERY_CHARS;
  // Control characters become spaces (a pasted newline still separates words); a surrogate
  // left alone by the cut, or typed, is dropped.
  const text = input
    .slice(0, MAX_QUERY_CHARS)
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\p{Cs}/gu, '');
  // Sets: a repeated term adds nothing to the match and should not use up the cap.
  const positive = new Set<string>();
  const negative = new Set<string>();
  const highlights = new Set<string>();
  for (const [, minus, phrase, word] of text.matchAll(TERM)) {
    const prefix = word !== undefined && word.endsWith('*');
    const body = phrase ?? word?.replace(/\*+$/, '') ?? '';
    const expr = termExpr(body, prefix);
    const terms = minus === '-' ? negative : positive;
    if (expr === null || terms.has(expr)) continue;
    if (positive.size + negative.size === MAX_QUERY_TERMS) {
      capped = true;
      break;
    }
    terms.add(expr);
    if (terms === positive) highlights.add(body.trim().toLowerCase());
  }
  if (positive.size === 0) return { match: null, highlights: [], capped };
  // FTS5's NOT is binary and binds tighter than AND, hence the grouping.
  let match = group([...positive], 'AND');
  if (negative.size > 0) match += ` NOT ${group([...negative], 'OR')}`;
  return { match, highlights: [...highlights], capped };
}

/**
 * One typed term. CJK runs match through their bigrams in `terms` (a run of one character has
 * none and is dropped unless it is a prefix); the text around them matches as words. A term
 * mixing both must match all its pieces, though not necessarily side by side.
 */
function termExpr(text: string, prefix: boolean): string | null {
  const pieces = splitCjk(text)
    .map((piece, i) => ({ piece, cjk: i % 2 === 1 }))
    .filter(({ piece, cjk }) => (cjk ? true : TOKEN.test(piece)));
  const exprs = pieces.flatMap(({ piece, cjk }, i) => {
    const star = prefix && i === pieces.length - 1;
    const expr = cjk ? cjkExpr(piece, star) : wordExpr(piece, star);
    return expr === null ? [] : [expr];
  });
  return exprs.length === 0 ? null : group(exprs, 'AND');
}

function cjkExpr(run: string, prefix: boolean): string | null {
  const bigrams = cjkBigrams(run);
  if (bigrams.length > 0) return quote(bigrams.join(' '));
  // A lone character prefixes every bigram it starts.
  return prefix ? `${quote(run)}*` : null;
}

/**
 * Text without CJK, as typed, or as its identifier parts (`contextIsolation` also finds
 * `context_isolation`), or run together (`context_isolation` also finds `contextIsolation`).
 */
function wordExpr(text: string, prefix: boolean): string {
  const star = prefix ? '*' : '';
  const units = text.match(UNIT) ?? [];
  const parts = units.flatMap(identifierParts);
  const typed = units.join(' ').toLowerCase();
  const variants = new Set([parts.join(' ')]);
  if (IDENTIFIER.test(text)) variants.add(parts.join(''));
  variants.delete(typed);
  return group([quote(text) + star, ...[...variants].map((variant) => quote(variant) + star)], 'OR');
}

/** A quoted string of a MATCH expression (quote's output), with the star of a prefix. */
const QUOTED = /"((?:[^"]|"")*)"(\*?)/gu;

/**
 * Every word a MATCH expression from parseQuery names, each as a MATCH expression of its own:
 * the words of its phrases, excluded ones too, the last word of a prefix phrase keeping its
 * star. What bm25 costs depends on how common these are (search.ts), not the phrases they make.
 */
export function matchWords(match: string): string[] {
  const words = new Set<string>();
  for (const [, text = '', star] of match.matchAll(QUOTED)) {
    const units = text.replaceAll('""', '"').toLowerCase().match(UNIT) ?? [];
    units.forEach((unit, i) => words.add(quote(unit) + (i === units.length - 1 ? star : '')));
  }
  return [...words];
}

function group(exprs: string[], op: 'AND' | 'OR'): string {
  return exprs.length === 1 ? (exprs[0] as string) : `(${exprs.join(` ${op} `)})`;
}

/** An FTS5 string: whatever is inside is text, never syntax. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
