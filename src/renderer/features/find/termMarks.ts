/**
 * Where the terms of a find sit in a text, as [start, end) UTF-16 ranges for highlightSlices
 * (search/highlight.ts). The core finds turns by their words; this marks the terms as typed,
 * ignoring case, which is what a person looks for in the turn once it is in view.
 */
export function termMarks(text: string, terms: readonly string[]): [number, number][] {
  const pattern = termPattern(terms);
  if (!pattern) return [];
  const marks: [number, number][] = [];
  for (const match of text.matchAll(pattern)) {
    marks.push([match.index, match.index + match[0].length]);
  }
  return marks;
}

/** One case-blind pattern for every term, longest first so the longest one at a place wins. */
export function termPattern(terms: readonly string[]): RegExp | null {
  const usable = [...new Set(terms.map((term) => term.trim()).filter((term) => term !== ''))];
  if (usable.length === 0) return null;
  usable.sort((a, b) => b.length - a.length);
  return new RegExp(usable.map(escapeRegExp).join('|'), 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
