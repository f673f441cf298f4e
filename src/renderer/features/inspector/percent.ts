/** "62%"; a sliver reads "<1%" rather than a "0%" that would contradict the bar beside it. */
export function formatPercent(fraction: number): string {
  if (!(fraction > 0)) return '0%';
  if (fraction < 0.01) return '<1%';
  if (fraction < 1 && fraction > 0.99) return '>99%';
  return `${Math.round(fraction * 100)}%`;
}
