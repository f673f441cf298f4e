/**
 * The text shown under a search hit: a short window of the document around the first place the
 * query occurs, with every occurrence in it marked. Computed here from the stored body rather
 * than by FTS5's snippet(), because the UI wants ranges it renders as elements (no markup or
 * marker characters that session text could forge), and because a match found only through the
 * derived `terms` column (a CJK pair, an identifier part) has no token in the body for
 * snippet() to point at.
 *
 * Matching is case-insensitive and ignores Latin diacritics, like the index's unicode61
 * tokenizer with remove_diacritics, so "cafe" marks "Café". Offsets are UTF-16 code units of
 * the returned text and always fall on code point boundaries.
 */
import type { Snippet } from '../../shared/search';

/** About how long a snippet is; cuts move to the nearest space within BOUNDARY_REACH. */
export const SNIPPET_CHARS = 160;
const BOUNDARY_REACH = 24;
const ELLIPSIS = '…';
/** Bodies longer than this look for a match without folding first. */
const QUICK_SEARCH_CHARS = 16 * 1024;

export function snippetOf(body: string, highlights: readonly string[]): Snippet {
  const needles = [...new Set(highlights.map((highlight) => fold(highlight).text))]
    .filter((needle) => needle !== '')
    .sort((a, b) => b.length - a.length);
  const anchor = needles.length > 0 ? firstOccurrence(body, needles) : null;
  const [start, end] = anchor ? windowAround(body, anchor[0], anchor[1]) : windowAround(body, 0, 0);
  // Tool output is mostly line breaks and indentation; one line reads better in a result list.
  const inner = body.slice(start, end).replace(/\s+/g, ' ').trim();
  const text = (start > 0 ? ELLIPSIS : '') + inner + (end < body.length ? ELLIPSIS : '');
  return { text, marks: marksIn(text, needles) };
}

/** Where in `body` the earliest needle starts and ends, in the body's own offsets. */
function firstOccurrence(body: string, needles: string[]): [number, number] | null {
  if (body.length > QUICK_SEARCH_CHARS) {
    // Folding a long non-ASCII body costs milliseconds; a native case-blind search mostly finds
    // the needle as typed, and only when it does not is the body folded.
    const quick = new RegExp(needles.map(escapeRegExp).join('|'), 'iu').exec(body);
    if (quick) return [quick.index, quick.index + quick[0].length];
  }
  const folded = fold(body);
  let best: [number, number] | null = null;
  for (const needle of needles) {
    const at = folded.text.indexOf(needle);
    // Needles are longest first, so at equal starts the longer one wins.
    if (at !== -1 && (best === null || at < best[0])) best = [at, at + needle.length];
  }
  return best ? folded.span(best[0], best[1]) : null;
}

/** [start, end) of about SNIPPET_CHARS around [from, to), cut at spaces where one is near. */
function windowAround(body: string, from: number, to: number): [number, number] {
  const room = Math.max(0, SNIPPET_CHARS - (to - from));
  // The match sits about a third of the way in: enough before it to read what it is about.
  let start = Math.max(0, from - Math.floor(room / 3));
  let end = Math.min(body.length, Math.max(to, start + SNIPPET_CHARS));
  start = Math.max(0, Math.min(start, end - SNIPPET_CHARS, from));
  if (start > 0) {
    const space = body.slice(start, Math.min(from, start + BOUNDARY_REACH)).search(/\s/);
    if (space !== -1) start += space + 1;
    else if (isLowSurrogate(body.charCodeAt(start))) start += 1;
  }
  if (end < body.length) {
    const reach = Math.max(to, end - BOUNDARY_REACH);
    const tail = body.slice(reach, end);
    const space = lastSpace(tail);
    if (space !== -1) end = reach + space;
    else if (isHighSurrogate(body.charCodeAt(end - 1))) end -= 1;
  }
  return [start, end];
}

function marksIn(text: string, needles: string[]): [number, number][] {
  if (needles.length === 0) return [];
  const folded = fold(text);
  const found: [number, number][] = [];
  for (const needle of needles) {
    for (let at = folded.text.indexOf(needle); at !== -1; at = folded.text.indexOf(needle, at + 1)) {
      found.push(folded.span(at, at + needle.length));
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const marks: [number, number][] = [];
  for (const [start, end] of found) {
    const last = marks.at(-1);
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else marks.push([start, end]);
  }
  return marks;
}

interface Folded {
  text: string;
  /** The original [start, end) of folded text [from, to). */
  span(from: number, to: number): [number, number];
}

/**
 * Lower case, and Latin letters without their diacritics. A folded code unit maps back to the
 * whole code point it came from, and a mark that folds away belongs to the letter before it, so
 * a range never splits a surrogate pair and a marked "é" keeps its accent.
 */
export function fold(input: string): Folded {
  if (!POINTWISE.test(input)) {
    // Lowercasing the whole string in one call is what lowercasing each code point gives, when
    // nothing changed length: the fast way for most text, which folding point by point is not.
    const text = input.toLowerCase();
    if (text.length === input.length) return { text, span: (from, to) => [from, to] };
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < input.length;) {
    const code = input.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldPoint(input.slice(i, i + width), code);
    if (folded === '' && ends.length > 0) ends[ends.length - 1] = i + width;
    for (let k = 0; k < folded.length; k += 1) {
      starts.push(i);
      ends.push(i + width);
    }
    text += folded;
    i += width;
  }
  return {
    text,
    span: (from, to) => [
      starts[from] ?? input.length,
      to > from ? (ends[to - 1] ?? input.length) : (starts[from] ?? input.length),
    ],
  };
}

/**
 * What folds other than by lowercasing each code point on its own: Latin letters (their
 * diacritics go), combining diacritical marks (they go), and capital sigma (the whole-string
 * lowercase depends on the letter after it).
 */
const POINTWISE = /[\u00c0-\u024f\u1e00-\u1eff\u03a3]|[\u0300-\u036f]/;

const foldCache = new Map<string, string>();
const FOLD_CACHE_MAX = 20_000;

function foldPoint(point: string, code: number): string {
  if (code < 0x80) return point.toLowerCase();
  let folded = foldCache.get(point);
  if (folded === undefined) {
    folded = point.toLowerCase();
    // Only Latin: decomposing elsewhere would fold together letters that differ (が and か).
    if (isLatin(code)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
    else if (code >= 0x300 && code <= 0x36f) folded = '';
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    foldCache.set(point, folded);
  }
  return folded;
}

function isLatin(code: number): boolean {
  return (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function lastSpace(text: string): number {
  for (let i = text.length - 1; i >= 0; i -= 1) if (/\s/.test(text.charAt(i))) return i;
  return -1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
