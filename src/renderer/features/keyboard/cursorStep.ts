/**
 * The row a move reaches from row `at` of `count`, stopping at either end; from no row at all,
 * down starts at the top and up at the bottom. Null when the list is empty.
 */
export function cursorStep(at: number, count: number, by: 1 | -1): number | null {
  if (count === 0) return null;
  if (at < 0 || at >= count) return by > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, at + by));
}
