import { rootIdSchema, sessionIdSchema } from '../../shared/api';
import type { SessionRef } from '../../shared/model';
import type { MainView } from '../store/viewSlice';

/**
 * Where the app is, as the URL hash says it: `#/session/<root>/<id>`, `#/search?q=…`, `#/trash`,
 * `#/history`, `#/settings`, `#/activity`, or nothing for the plain list. The hash comes from anyone who can hand a person a
 * link, so whatever does not parse exactly, ids checked by the contract's own schemas, is the list.
 */
export type Route =
  | { kind: 'list' }
  | { kind: 'session'; ref: SessionRef }
  | { kind: 'search'; query: string }
  | { kind: 'trash' }
  | { kind: 'history' }
  | { kind: 'settings' }
  | { kind: 'activity' };

/** The search box's own limit: a longer query is cut there too. */
const maxQuery = 512;

const list: Route = { kind: 'list' };

export function parseRoute(hash: string): Route {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.startsWith('/')) return list;
  const queryAt = text.indexOf('?');
  const path = queryAt === -1 ? text.slice(1) : text.slice(1, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : text.slice(queryAt + 1));
  const segments = decodeSegments(path);
  if (!segments) return list;
  const [kind, ...rest] = segments;
  if ((kind === 'trash' || kind === 'history' || kind === 'settings') && rest.length === 0) return { kind };
  if (kind === 'activity' && rest.length === 0) return { kind };
  if (kind === 'search' && rest.length === 0) {
    const query = (params.get('q') ?? '').slice(0, maxQuery);
    return query.trim() === '' ? list : { kind: 'search', query };
  }
  if (kind === 'session' && rest.length === 2) {
    const root = rootIdSchema.safeParse(rest[0]);
    const id = sessionIdSchema.safeParse(rest[1]);
    if (root.success && id.success) return { kind: 'session', ref: { root: root.data, id: id.data } };
  }
  return list;
}

/** The hash for a route, `''` for the list; every route formats to what parses back to it. */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'list':
      return '';
    case 'session':
      return `#/session/${encodeURIComponent(route.ref.root)}/${encodeURIComponent(route.ref.id)}`;
    case 'search':
      return `#/search?${new URLSearchParams({ q: route.query }).toString()}`;
    default:
      return `#/${route.kind}`;
  }
}

/**
 * The route of what the app shows. The trash and the history cover the rest of the main pane; an
 * open session is what a link most wants to reach, so it names the route even while a search is
 * typed beside it.
 */
export function routeOf(state: {
  mainView: MainView;
  openRef: SessionRef | null;
  searchQuery: string;
}): Route {
  if (state.mainView !== 'session') return { kind: state.mainView };
  if (state.openRef) return { kind: 'session', ref: state.openRef };
  if (state.searchQuery.trim() !== '') return { kind: 'search', query: state.searchQuery.slice(0, maxQuery) };
  return list;
}

/**
 * Opening a session or a view is a step Back should undo; typing a search, or leaving for the
 * list, only corrects where the current step is, so it replaces.
 */
export function historyStep(from: Route, to: Route): 'push' | 'replace' {
  if (to.kind === 'list' || to.kind === 'search') return 'replace';
  return formatRoute(from) === formatRoute(to) ? 'replace' : 'push';
}

/** Null when an escape is malformed (`%E0%A4%A`): such a hash names nothing, so it is the list. */
function decodeSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/**
 * Where a window opens: the address it was given, or, launched with none, where the last window
 * was (`remembered`, a hash this app wrote, parsed as warily as any other).
 */
export function startRoute(hash: string, remembered: string | null): Route {
  const given = hash.startsWith('#') ? hash.slice(1) : hash;
  return parseRoute(given === '' && remembered ? remembered : hash);
}
