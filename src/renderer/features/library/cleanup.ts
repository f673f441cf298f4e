import type { RootInfo } from '../../../shared/model';

/** Three days without a message: past a weekend, short of anything someone is still using. */
export const defaultTtlHours = 72;
/** The contract's own limit on a TTL: a century. */
export const maxTtlHours = 24 * 365 * 100;

/** A positive number of hours, fractions allowed ("0.5"), as typed into the cleanup dialog. */
export function parseHours(text: string): number | null {
  if (!/^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text)) return null;
  const hours = Number(text);
  return hours > 0 && hours <= maxTtlHours ? hours : null;
}

/**
 * Roots whose format expires sessions by TTL. Only ZeroClaw does (its cleanup_stale); RootInfo
 * does not say which operations a root offers, so the format decides it here.
 */
export function cleanableRoots(roots: RootInfo[]): RootInfo[] {
  return roots.filter((root) => root.format === 'zeroclaw' && root.exists && !root.readOnly);
}
