import type { SessionRef } from '../../../shared/model';
import type { TimelineItem } from '../session/timeline';

/** Whether a jump (or a find) was made in the session now open. */
export function sameJump(made: { ref: SessionRef } | null, open: SessionRef | null): boolean {
  return !!made && !!open && made.ref.root === open.root && made.ref.id === open.id;
}

/** Where a turn sits among the conversation's items (compactions sit between turns); null when not loaded. */
export function turnItemIndex(items: readonly TimelineItem[], turn: number): number | null {
  const index = items.findIndex((item) => item.kind === 'turn' && item.turn.index === turn);
  return index === -1 ? null : index;
}
