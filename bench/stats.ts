/** Timing helpers: figures are milliseconds rounded to 0.1, percentiles nearest-rank. */
export async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await run();
  return [ms(performance.now() - start), value];
}

export const ms = (value: number): number => Math.round(value * 10) / 10;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Megabytes (10^6 bytes) per second. */
export const mbps = (bytes: number, millis: number): number => Math.round(bytes / 1e3 / millis);
