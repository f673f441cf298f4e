import type { SearchFilters } from '../../../shared/search';

/** How many filters narrow the search, for the count on the Filters toggle. */
export function activeFilterCount(filters: SearchFilters): number {
  const set = [
    filters.formats?.length,
    filters.roots?.length,
    filters.roles?.length,
    filters.tool?.trim(),
    filters.from,
    filters.to,
    filters.states?.length,
    filters.toolFailed,
  ];
  return set.filter(Boolean).length;
}

/** The filters with `key` set to `value`, or unset when the value is empty (undefined never travels). */
export function withFilter<K extends keyof SearchFilters>(
  filters: SearchFilters,
  key: K,
  value: SearchFilters[K] | '' | false,
): SearchFilters {
  const empty =
    value === undefined ||
    value === false ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0);
  return { ...filters, [key]: empty ? undefined : value };
}
