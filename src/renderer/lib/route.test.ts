import { describe, expect, it } from 'vitest';
import { formatRoute, historyStep, parseRoute, routeOf, startRoute } from './route';
import type { Route } from './route';

const ref = { root: 'a1b2c3', id: '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' };

describe('parseRoute', () => {
  it('reads every kind of address', () => {
    expect(parseRoute(`#/session/${ref.root}/${ref.id}`)).toEqual({ kind: 'session', ref });
    expect(parseRoute('#/search?q=flaky+test')).toEqual({ kind: 'search', query: 'flaky test' });
    expect(parseRoute('#/trash')).toEqual({ kind: 'trash' });
    expect(parseRoute('#/activity')).toEqual({ kind: 'activity' });
    expect(parseRoute('#/history')).toEqual({ kind: 'history' });
    expect(parseRoute('#/settings')).toEqual({ kind: 'settings' });
    expect(parseRoute('')).toEqual({ kind: 'list' });
    expect(parseRoute('#/')).toEqual({ kind: 'list' });
  });

  it('decodes escaped ids, Unicode letters included', () => {
    expect(parseRoute('#/session/r1/caf%C3%A9.v2')).toEqual({
      kind: 'session',
      ref: { root: 'r1', id: 'café.v2' },
    });
  });

  it.each([
    '#/session/../x',
    '#/session/r1/..',
    '#/session/r1/.hidden',
    '#/session/r1/a%2Fb',
    '#/session/r1/a%5Cb',
    '#/session/r1/%2E%2E',
    '#/session/R1/x',
    '#/session/r1',
    '#/session/r1/x/extra',
    '#/session/r1/x/',
    '#/session//x',
    '#/session/r1/%E0%A4%A',
    `#/session/r1/${'a'.repeat(256)}`,
    `#/session/${'a'.repeat(65)}/x`,
    '#/session/r1/<script>',
    '#/session/r1/a%00b',
    '#/search',
    '#/search?q=',
    '#/search?q=%20%20',
    '#/trash/x',
    '#/settings/roots',
    '#/activity/30',
    '#/Settings',
    '#session/r1/x',
    'javascript:alert(1)',
  ])('takes %s to the list', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'list' });
  });

  it('cuts a search at the search box limit', () => {
    const route = parseRoute(`#/search?q=${'x'.repeat(2000)}`);
    expect(route).toEqual({ kind: 'search', query: 'x'.repeat(512) });
  });
});

describe('formatRoute', () => {
  it.each<Route>([
    { kind: 'list' },
    { kind: 'session', ref },
    { kind: 'session', ref: { root: 'r1', id: 'café_ü-1' } },
    { kind: 'search', query: 'a&q=b #c ?d/e "f" -g' },
    { kind: 'trash' },
    { kind: 'history' },
    { kind: 'settings' },
    { kind: 'activity' },
  ])('formats $kind so that it parses back', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('writes the addresses people bookmark', () => {
    expect(formatRoute({ kind: 'session', ref })).toBe(`#/session/${ref.root}/${ref.id}`);
    expect(formatRoute({ kind: 'search', query: 'flaky test' })).toBe('#/search?q=flaky+test');
    expect(formatRoute({ kind: 'trash' })).toBe('#/trash');
    expect(formatRoute({ kind: 'list' })).toBe('');
  });
});

describe('routeOf', () => {
  const base = { mainView: 'session' as const, openRef: null, searchQuery: '' };

  it('names the trash and the history over an open session', () => {
    expect(routeOf({ ...base, mainView: 'trash', openRef: ref })).toEqual({ kind: 'trash' });
    expect(routeOf({ ...base, mainView: 'history' })).toEqual({ kind: 'history' });
    expect(routeOf({ ...base, mainView: 'activity', openRef: ref })).toEqual({ kind: 'activity' });
    expect(routeOf({ ...base, mainView: 'settings', openRef: ref })).toEqual({ kind: 'settings' });
  });

  it('names an open session over the search beside it', () => {
    expect(routeOf({ ...base, openRef: ref, searchQuery: 'flaky' })).toEqual({ kind: 'session', ref });
  });

  it('names a search, and the list when nothing is asked', () => {
    expect(routeOf({ ...base, searchQuery: 'flaky' })).toEqual({ kind: 'search', query: 'flaky' });
    expect(routeOf({ ...base, searchQuery: '   ' })).toEqual({ kind: 'list' });
  });
});

describe('historyStep', () => {
  const session: Route = { kind: 'session', ref };

  it('pushes a newly opened session or view', () => {
    expect(historyStep({ kind: 'list' }, session)).toBe('push');
    expect(historyStep(session, { kind: 'session', ref: { ...ref, id: 'other' } })).toBe('push');
    expect(historyStep(session, { kind: 'trash' })).toBe('push');
  });

  it('replaces while a search is typed, and when going back to the list', () => {
    expect(historyStep({ kind: 'search', query: 'fl' }, { kind: 'search', query: 'fla' })).toBe('replace');
    expect(historyStep({ kind: 'list' }, { kind: 'search', query: 'f' })).toBe('replace');
    expect(historyStep(session, { kind: 'list' })).toBe('replace');
    expect(historyStep(session, session)).toBe('replace');
  });
});

describe('startRoute', () => {
  it('opens where the last window was when launched with no address', () => {
    expect(startRoute('', '#/settings')).toEqual({ kind: 'settings' });
    expect(startRoute('#', `#/session/${ref.root}/${ref.id}`)).toEqual({ kind: 'session', ref });
    expect(startRoute('', null)).toEqual({ kind: 'list' });
  });

  it('lets an address given win over the remembered one', () => {
    expect(startRoute('#/trash', '#/settings')).toEqual({ kind: 'trash' });
  });

  it('reads a remembered address as warily as a typed one', () => {
    expect(startRoute('', '#/session/../x')).toEqual({ kind: 'list' });
    expect(startRoute('', 'javascript:alert(1)')).toEqual({ kind: 'list' });
  });
});
