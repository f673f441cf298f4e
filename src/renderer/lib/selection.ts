/**
 * A multi-selection over an ordered list, as file managers make it: a click toggles one item and
 * becomes the anchor; a shift-click selects everything from the anchor to the item clicked.
 */
export interface Selection {
  keys: ReadonlySet<string>;
  /** Where the next range starts; it stays put while ranges are extended from it. */
  anchor: string | null;
}

export type SelectGesture = 'toggle' | 'range';

export const emptySelection: Selection = { keys: new Set(), anchor: null };

/** Shift makes a range and Ctrl/⌘ a toggle; a plain click is no selection gesture at all. */
export function gestureOf(modifiers: {
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): SelectGesture | null {
  if (modifiers.shiftKey) return 'range';
  if (modifiers.ctrlKey || modifiers.metaKey) return 'toggle';
  return null;
}

/** `order` is the list as shown: a range runs over what the person sees between the two clicks. */
export function select(
  selection: Selection,
  order: readonly string[],
  key: string,
  gesture: SelectGesture,
): Selection {
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(key);
  if (gesture === 'toggle' || from === -1 || to === -1) {
    const keys = new Set(selection.keys);
    if (keys.has(key)) keys.delete(key);
    else keys.add(key);
    return { keys, anchor: key };
  }
  const keys = new Set(selection.keys);
  for (const each of order.slice(Math.min(from, to), Math.max(from, to) + 1)) keys.add(each);
  return { keys, anchor: selection.anchor };
}

/** Everything shown, or nothing when everything shown is already selected. */
export function toggleAll(selection: Selection, order: readonly string[]): Selection {
  const all = order.length > 0 && order.every((key) => selection.keys.has(key));
  return all ? emptySelection : { keys: new Set(order), anchor: selection.anchor };
}

/** The selected keys that are still in the list, in its order: what a bulk action acts on. */
export function selectedIn(selection: Selection, order: readonly string[]): string[] {
  return order.filter((key) => selection.keys.has(key));
}

/** Forgets keys the list no longer holds, so a count never includes what has gone. */
export function prune(selection: Selection, order: readonly string[]): Selection {
  const present = new Set(order);
  const keys = [...selection.keys].filter((key) => present.has(key));
  if (keys.length === selection.keys.size) return selection;
  const anchor = selection.anchor !== null && present.has(selection.anchor) ? selection.anchor : null;
  return { keys: new Set(keys), anchor };
}
