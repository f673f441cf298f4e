import type { TrashItem } from '../../../shared/history';

const dayMs = 24 * 3600 * 1000;
const defaultDays = 30;

/** How long the trash keeps an item, as the core's own dates say; the setting's default before any. */
export function retentionDays(items: readonly TrashItem[]): number {
  const [item] = items;
  if (!item) return defaultDays;
  const days = Math.round((Date.parse(item.expiresAt) - Date.parse(item.deletedAt)) / dayMs);
  return Number.isFinite(days) && days > 0 ? days : defaultDays;
}
