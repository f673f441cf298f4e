import type { SessionRef } from '../../../shared/model';
import type { TimelineItem } from '../session/timeline';

/**
 * Where the turn a search hit named sits among the conversation's items (compactions sit between
 * turns, so it is not the turn's own index). Null when another session is open or it is not loaded.
 */
export function turnFocusIndex(
  items: readonly TimelineItem[],
  focus: { ref: SessionRef; turn: number } | null,
  open: SessionRef | null,
): number | null {
  // sameRef lives beside the store, which a test cannot load without a window.
  if (!focus || !open || focus.ref.root !== open.root || focus.ref.id !== open.id) return null;
  const index = items.findIndex((item) => item.kind === 'turn' && item.turn.index === focus.turn);
  return index === -1 ? null : index;
}
