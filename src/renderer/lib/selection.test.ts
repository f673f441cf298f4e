import { describe, expect, it } from 'vitest';
import { emptySelection, gestureOf, prune, select, selectedIn, toggleAll } from './selection';
import type { Selection } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const keys = (selection: Selection) => [...selection.keys].sort();

describe('select', () => {
  it('toggles one item and makes it the anchor', () => {
    const one = select(emptySelection, order, 'b', 'toggle');
    expect(keys(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    const none = select(one, order, 'b', 'toggle');
    expect(keys(none)).toEqual([]);
    expect(none.anchor).toBe('b');
  });

  it('selects a range from the anchor, downwards and upwards, keeping the anchor', () => {
    const anchored = select(emptySelection, order, 'b', 'toggle');
    const down = select(anchored, order, 'd', 'range');
    expect(keys(down)).toEqual(['b', 'c', 'd']);
    expect(down.anchor).toBe('b');
    const up = select(select(emptySelection, order, 'd', 'toggle'), order, 'a', 'range');
    expect(keys(up)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('adds a range to what was selected before', () => {
    let selection = select(emptySelection, order, 'e', 'toggle');
    selection = select(selection, order, 'a', 'toggle');
    selection = select(selection, order, 'b', 'range');
    expect(keys(selection)).toEqual(['a', 'b', 'e']);
  });

  it('treats a range with no anchor, or an anchor no longer shown, as a toggle', () => {
    expect(keys(select(emptySelection, order, 'c', 'range'))).toEqual(['c']);
    const stale: Selection = { keys: new Set(['x']), anchor: 'x' };
    const next = select(stale, order, 'c', 'range');
    expect(keys(next)).toEqual(['c', 'x']);
    expect(next.anchor).toBe('c');
  });
});

describe('gestureOf', () => {
  it('reads shift as a range, Ctrl or ⌘ as a toggle, and nothing as a plain click', () => {
    expect(gestureOf({ shiftKey: true, ctrlKey: true, metaKey: false })).toBe('range');
    expect(gestureOf({ shiftKey: false, ctrlKey: true, metaKey: false })).toBe('toggle');
    expect(gestureOf({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
    expect(gestureOf({ shiftKey: false, ctrlKey: false, metaKey: false })).toBeNull();
  });
});

describe('toggleAll, selectedIn and prune', () => {
  it('selects all shown, then none', () => {
    const all = toggleAll(select(emptySelection, order, 'a', 'toggle'), order);
    expect(keys(all)).toEqual(order);
    expect(keys(toggleAll(all, order))).toEqual([]);
    expect(keys(toggleAll(emptySelection, []))).toEqual([]);
  });

  it('lists the selection in the order shown, leaving out what is gone', () => {
    const selection: Selection = { keys: new Set(['d', 'x', 'b']), anchor: 'x' };
    expect(selectedIn(selection, order)).toEqual(['b', 'd']);
    const pruned = prune(selection, order);
    expect(keys(pruned)).toEqual(['b', 'd']);
    expect(pruned.anchor).toBeNull();
    expect(prune(pruned, order)).toBe(pruned);
  });
});
