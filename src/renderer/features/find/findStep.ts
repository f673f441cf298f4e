/**
 * The position a find steps to among its matches: on from the current one, round past the end
 * and back to the start as a browser's find does. Without a current one, forward starts at the
 * first match and back at the last. Null when there are no matches.
 */
export function findStep(count: number, at: number | null, by: 1 | -1): number | null {
  if (count <= 0) return null;
  if (at === null || at < 0 || at >= count) return by === 1 ? 0 : count - 1;
  return (at + by + count) % count;
}

/** "3 of 17"; with more matches than were listed, the count says so. */
export function findCount(at: number | null, listed: number, total: number): string {
  if (total === 0) return 'No matches';
  const of = total > listed ? `${listed}+` : String(total);
  return at === null ? `${of} ${total === 1 ? 'match' : 'matches'}` : `${at + 1} of ${of}`;
}

/**
 * The match a new find starts at: the first at or after the turn being read (`turns` ascending),
 * or the first of all when every match is above it. Null when there are none.
 */
export function firstFrom(turns: readonly number[], reading: number): number | null {
  if (turns.length === 0) return null;
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((turns[middle] as number) < reading) low = middle + 1;
    else high = middle;
  }
  return low < turns.length ? low : 0;
}
