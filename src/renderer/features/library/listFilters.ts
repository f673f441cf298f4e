import { formatLabels } from '../../../shared/model';
import type { FormatId, RootInfo, SessionSummary } from '../../../shared/model';
import { shortPath } from '../../lib/shortPath';
import { matchesFilter } from './runStatus';
import type { RunStatus } from './runStatus';

/** The run states a list can be narrowed to; Running and Stuck are also the filter bar's toggles. */
export const stateFilters = ['all', 'running', 'stuck', 'idle', 'error'] as const;
export type StateFilter = (typeof stateFilters)[number];

export const stateLabels: Record<StateFilter, string> = {
  all: 'Any state',
  running: 'Running',
  stuck: 'Stuck',
  idle: 'Idle',
  error: 'Error',
};

export interface ListFilters {
  root: string | null;
  format: FormatId | null;
  /** A projectKey: the project's path, or '' for sessions without one. */
  project: string | null;
  state: StateFilter;
  /** Local calendar days, YYYY-MM-DD, both ends included, as a date field gives them. */
  updatedFrom: string | null;
  updatedTo: string | null;
  unreadable: boolean;
  failedTools: boolean;
}

export type FilterField = keyof ListFilters;

export const noFilters: ListFilters = {
  root: null,
  format: null,
  project: null,
  state: 'all',
  updatedFrom: null,
  updatedTo: null,
  unreadable: false,
  failedTools: false,
};

/** The order chips are shown in, which is also the order the menu lists the fields. */
const fieldOrder: readonly FilterField[] = [
  'root',
  'format',
  'project',
  'state',
  'updatedFrom',
  'updatedTo',
  'unreadable',
  'failedTools',
];

export function projectKey(session: SessionSummary): string {
  return session.projectPath ?? '';
}

export function projectLabel(key: string): string {
  return key === '' ? 'No project' : shortPath(key);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a time, YYYY-MM-DD; null for a time that is missing or unreadable. */
export function localDay(time: string | number | null): string | null {
  if (time === null) return null;
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function matchesState(status: RunStatus, state: StateFilter): boolean {
  if (state === 'idle' || state === 'error') return status.kind === state;
  return matchesFilter(status, state);
}

export function matchesFilters(session: SessionSummary, filters: ListFilters, status: RunStatus): boolean {
  if (filters.root !== null && session.ref.root !== filters.root) return false;
  if (filters.format !== null && session.format !== filters.format) return false;
  if (filters.project !== null && projectKey(session) !== filters.project) return false;
  if (!matchesState(status, filters.state)) return false;
  if (filters.updatedFrom !== null || filters.updatedTo !== null) {
    const day = localDay(session.updatedAt);
    if (day === null) return false;
    if (filters.updatedFrom !== null && day < filters.updatedFrom) return false;
    if (filters.updatedTo !== null && day > filters.updatedTo) return false;
  }
  if (filters.unreadable && session.health.unreadableLines === 0) return false;
  if (filters.failedTools && !(session.failedToolCalls && session.failedToolCalls > 0)) return false;
  return true;
}

export function isActive(filters: ListFilters, field: FilterField): boolean {
  return filters[field] !== noFilters[field];
}

export function activeFilterCount(filters: ListFilters): number {
  return fieldOrder.filter((field) => isActive(filters, field)).length;
}

export function withoutFilter(filters: ListFilters, field: FilterField): ListFilters {
  return { ...filters, [field]: noFilters[field] };
}

export interface FilterChip {
  field: FilterField;
  label: string;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dayFormat.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** The active filters as the words their chips say; a root no longer configured is still named. */
export function filterChips(filters: ListFilters, roots: readonly RootInfo[]): FilterChip[] {
  const label = (field: FilterField): string => {
    switch (field) {
      case 'root': {
        const root = roots.find((each) => each.id === filters.root);
        return `Folder: ${root ? shortPath(root.path) : 'a removed folder'}`;
      }
      case 'format':
        return `Format: ${filters.format ? formatLabels[filters.format] : ''}`;
      case 'project':
        return `Project: ${projectLabel(filters.project ?? '')}`;
      case 'state':
        return `State: ${stateLabels[filters.state]}`;
      case 'updatedFrom':
        return `Updated from ${dayText(filters.updatedFrom ?? '')}`;
      case 'updatedTo':
        return `Updated until ${dayText(filters.updatedTo ?? '')}`;
      case 'unreadable':
        return 'Has unreadable lines';
      case 'failedTools':
        return 'Has failed tool calls';
    }
  };
  return fieldOrder
    .filter((field) => isActive(filters, field))
    .map((field) => ({ field, label: label(field) }));
}
