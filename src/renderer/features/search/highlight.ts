/** A run of snippet text, marked where the query matched. */
export interface Slice {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` into plain and marked runs. Marks come from the index, over text that came from a
 * session, so nothing about them is trusted: ranges out of bounds are clamped, empty or malformed
 * ones dropped, overlapping ones merged, and an edge inside a surrogate pair moved outwards so a
 * character is never split into halves that render as replacement glyphs.
 */
export function highlightSlices(text: string, marks: readonly (readonly [number, number])[]): Slice[] {
  const ranges: [number, number][] = [];
  for (const [start, end] of marks) {
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    const from = widenStart(text, clamp(start, text.length));
    const to = widenEnd(text, clamp(end, text.length));
    if (from < to) ranges.push([from, to]);
  }
  ranges.sort((a, b) => a[0] - b[0]);

  const slices: Slice[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) slices.push({ text: text.slice(at, from), marked: false });
    const last = slices.at(-1);
    // A mark touching or overlapping the one before continues it.
    if (from === at && last?.marked) last.text += text.slice(from, end);
    else slices.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) slices.push({ text: text.slice(at), marked: false });
  return slices;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(Math.trunc(offset), 0), length);
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 && offset < text.length && isHighSurrogate(text, offset - 1) && isLowSurrogate(text, offset)
  );
}

function widenStart(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

function widenEnd(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset + 1 : offset;
}
