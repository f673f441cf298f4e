import { z } from 'zod';
import { formatIds } from '../../../shared/model';
import { noFilters, stateFilters } from './listFilters';
import type { ListFilters } from './listFilters';
import { groupings } from './listGroups';
import type { ListGroup } from './listGroups';
import { defaultSort, sortKeys } from './listOrder';
import type { ListSort } from './listOrder';

/** How the session list is sorted, grouped and filtered, kept per machine under one versioned key. */
export const listSettingsKey = 'sessionscope.list.v1';

export interface ListSettings {
  sort: ListSort;
  group: ListGroup;
  filters: ListFilters;
}

export const defaultListSettings: ListSettings = { sort: defaultSort, group: 'none', filters: noFilters };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Each field falls back alone: one value a newer build wrote must not cost the others. */
const schema = z.object({
  sort: z.object({ key: z.enum(sortKeys), direction: z.enum(['asc', 'desc']) }).catch(defaultSort),
  group: z.enum(groupings).catch('none'),
  filters: z
    .object({
      root: z.string().max(200).nullable().catch(null),
      format: z.enum(formatIds).nullable().catch(null),
      project: z.string().max(4096).nullable().catch(null),
      state: z.enum(stateFilters).catch('all'),
      updatedFrom: day.nullable().catch(null),
      updatedTo: day.nullable().catch(null),
      unreadable: z.boolean().catch(false),
      failedTools: z.boolean().catch(false),
    })
    .catch(noFilters),
});

export function parseListSettings(text: string | null): ListSettings {
  if (text === null) return defaultListSettings;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : defaultListSettings;
  } catch {
    return defaultListSettings;
  }
}

export function serializeListSettings(settings: ListSettings): string {
  return JSON.stringify(settings);
}
