import { describe, expect, it } from 'vitest';
import { parseLayouts, withLayout } from './layoutStorage';

describe('parseLayouts', () => {
  it('reads what was saved', () => {
    const text = JSON.stringify({
      main: { 'pane-list': 30, 'pane-view': 70 },
      session: { 'pane-conversation': 55, 'pane-inspector': 45 },
    });
    expect(parseLayouts(text)).toEqual({
      main: { 'pane-list': 30, 'pane-view': 70 },
      session: { 'pane-conversation': 55, 'pane-inspector': 45 },
    });
  });

  it('reads one split saved without the other', () => {
    expect(parseLayouts('{"main":{"pane-list":25.5,"pane-view":74.5}}')).toEqual({
      main: { 'pane-list': 25.5, 'pane-view': 74.5 },
    });
  });

  it('reads the sources split beside a two-pane layout saved before the sources pane existed', () => {
    const before = '{"main":{"pane-list":30,"pane-view":70}}';
    expect(parseLayouts(before)).toEqual({ main: { 'pane-list': 30, 'pane-view': 70 } });
    const after = withLayout(parseLayouts(before), 'sources', { 'pane-sources': 18, 'pane-main': 82 });
    expect(parseLayouts(after)).toEqual({
      sources: { 'pane-sources': 18, 'pane-main': 82 },
      main: { 'pane-list': 30, 'pane-view': 70 },
    });
  });

  it.each([
    ['nothing', null],
    ['an empty string', ''],
    ['cut-short JSON', '{"main":{"pane-list":30,'],
    ['a non-object', '42'],
    ['null', 'null'],
    ['an array', '[30,70]'],
    ['a size as text', '{"main":{"pane-list":"30","pane-view":70}}'],
    ['a negative size', '{"main":{"pane-list":-10,"pane-view":110}}'],
    ['sizes that do not fill the split', '{"main":{"pane-list":10,"pane-view":10}}'],
    ['a missing panel', '{"main":{"pane-list":100}}'],
    ['an unknown panel', '{"main":{"pane-list":30,"pane-view":60,"extra":10}}'],
    ['an unknown split', '{"sidebar":{"a":50,"b":50}}'],
    ['the other split’s panels', '{"main":{"pane-conversation":50,"pane-inspector":50}}'],
    ['the sources split with the list’s panels', '{"sources":{"pane-list":20,"pane-view":80}}'],
  ])('falls back to defaults on %s', (_, text) => {
    expect(parseLayouts(text)).toEqual({});
  });
});

describe('withLayout', () => {
  it('sets one split and keeps the other', () => {
    const text = withLayout({ main: { 'pane-list': 30, 'pane-view': 70 } }, 'session', {
      'pane-conversation': 60,
      'pane-inspector': 40,
    });
    expect(parseLayouts(text)).toEqual({
      main: { 'pane-list': 30, 'pane-view': 70 },
      session: { 'pane-conversation': 60, 'pane-inspector': 40 },
    });
  });
});
