import { useEffect } from 'react';
import { sameRef } from '../store/sessionSlice';
import { useAppStore } from '../store/store';
import type { AppState } from '../store/store';
import { formatRoute, historyStep, parseRoute, routeOf, startRoute } from './route';
import type { Route } from './route';

/**
 * Keeps the URL hash and the store saying the same thing: an address typed, bookmarked or reached
 * by Back and Forward is applied to the store, and what the store then shows is written back.
 * Applying a route leaves the store at that very route, and writing one with pushState or
 * replaceState fires no hashchange, so neither side sets the other off again.
 */
export function useRouteSync(): void {
  useEffect(() => {
    const follow = () => {
      applyRoute(parseRoute(window.location.hash));
      writeRoute();
    };
    applyRoute(startRoute(window.location.hash, lastRoute()));
    writeRoute();
    // Back and Forward fire popstate, and hashchange too where the hash differs: applying the
    // same route twice changes nothing.
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (
        state.mainView !== previous.mainView ||
        state.openRef !== previous.openRef ||
        state.searchQuery !== previous.searchQuery
      ) {
        writeRoute();
      }
    });
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
      unsubscribe();
    };
  }, []);
}

function applyRoute(route: Route): void {
  const state = useAppStore.getState();
  switch (route.kind) {
    case 'session':
      if (sameRef(state.openRef, route.ref)) state.showView('session');
      else void state.openSession(route.ref);
      return;
    case 'trash':
    case 'history':
    case 'settings':
    case 'activity':
      state.showView(route.kind);
      return;
    case 'search':
      leaveSession(state);
      if (state.searchQuery !== route.query) state.setSearchQuery(route.query);
      return;
    case 'list':
      leaveSession(state);
      if (state.searchQuery !== '') state.clearSearch();
  }
}

function leaveSession(state: AppState): void {
  state.showView('session');
  if (state.openRef) state.closeSession();
}

/** The last address shown, so a window opened without one goes back there. */
const lastRouteKey = 'sessionscope.lastRoute';

function lastRoute(): string | null {
  try {
    return localStorage.getItem(lastRouteKey);
  } catch {
    return null;
  }
}

function rememberRoute(hash: string): void {
  try {
    localStorage.setItem(lastRouteKey, hash);
  } catch {
    // Storage refused: the next window opens on the list.
  }
}

function writeRoute(): void {
  const { location, history } = window;
  const next = routeOf(useAppStore.getState());
  const hash = formatRoute(next);
  rememberRoute(hash);
  if (hash === location.hash) return;
  const url = `${location.pathname}${location.search}${hash}`;
  if (historyStep(parseRoute(location.hash), next) === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
