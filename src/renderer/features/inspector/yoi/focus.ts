import type { SessionRef, Turn } from '../../../../shared/model';
import type { TimelineItem } from '../../session/timeline';

/**
 * Where in the conversation a fork or compaction branched: the turn of that entry (as its first
 * entry, or its last: a fork of a whole turn cuts after its tool results), or else (the entry was
 * a usage record) the last turn written before it. Null when there is none.
 */
export function focusIndex(
  items: readonly TimelineItem[],
  focus: { ref: SessionRef; hash: string; line: number | null } | null,
  open: SessionRef | null,
): number | null {
  // sameRef lives beside the store, which a test cannot load without a window.
  if (!focus || !open || focus.ref.root !== open.root || focus.ref.id !== open.id) return null;
  let before: number | null = null;
  for (const [index, item] of items.entries()) {
    if (!isTurn(item)) continue;
    const { hash, endHash, line } = item.turn.metadata;
    if (hash === focus.hash || endHash === focus.hash) return index;
    if (focus.line !== null && typeof line === 'number' && line <= focus.line) before = index;
  }
  return before;
}

function isTurn(item: TimelineItem): item is { kind: 'turn'; turn: Turn } {
  return item.kind === 'turn';
}
