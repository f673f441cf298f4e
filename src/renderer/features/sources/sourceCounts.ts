import { formatIds } from '../../../shared/model';
import type { FormatId, RootInfo, SessionSummary } from '../../../shared/model';
import { projectKey, projectLabel } from '../library/listFilters';

export interface RootSource {
  root: RootInfo;
  count: number;
}

export interface FormatSource {
  format: FormatId;
  count: number;
}

export interface ProjectSource {
  /** A projectKey: the path, or '' for sessions without a project. */
  key: string;
  label: string;
  count: number;
}

export interface Sources {
  roots: RootSource[];
  formats: FormatSource[];
  projects: ProjectSource[];
}

const labels = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Where the sessions come from, each with how many it holds. Every configured root is listed, an
 * empty one too (so it can be seen to be empty); formats are those of a root or a session, in the
 * app's own order; projects run busiest first, then A to Z, with "No project" last.
 */
export function countSources(roots: readonly RootInfo[], sessions: readonly SessionSummary[]): Sources {
  const byRoot = new Map<string, number>();
  const byFormat = new Map<FormatId, number>();
  const byProject = new Map<string, number>();
  for (const session of sessions) {
    byRoot.set(session.ref.root, (byRoot.get(session.ref.root) ?? 0) + 1);
    byFormat.set(session.format, (byFormat.get(session.format) ?? 0) + 1);
    const key = projectKey(session);
    byProject.set(key, (byProject.get(key) ?? 0) + 1);
  }
  const rootFormats = new Set(roots.map((root) => root.format));
  return {
    roots: roots.map((root) => ({ root, count: byRoot.get(root.id) ?? 0 })),
    formats: formatIds
      .filter((format) => rootFormats.has(format) || byFormat.has(format))
      .map((format) => ({ format, count: byFormat.get(format) ?? 0 })),
    projects: [...byProject]
      .map(([key, count]) => ({ key, label: projectLabel(key), count }))
      .sort((a, b) => {
        if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
        return b.count - a.count || labels.compare(a.label, b.label) || (a.key < b.key ? -1 : 1);
      }),
  };
}
