import { ArrowDown, Layers } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { Virtuoso } from 'react-virtuoso';
import type { VirtuosoHandle } from 'react-virtuoso';
import { counted } from '../../lib/words';
import { absoluteTime } from '../../lib/time';
import { focusIndex } from '../inspector/yoi/focus';
import { turnFocusIndex } from '../search/turnFocus';
import { useAppStore } from '../../store/store';
import { sameJump, turnItemIndex } from '../find/jump';
import { timeline } from './timeline';
import type { TimelineItem } from './timeline';
import { TurnView } from './TurnView';

/**
 * The turns of the open session, virtualised; more pages load as the end comes into view. While
 * an agent writes, the view follows the new turns if the person is at the bottom; otherwise it
 * stays where they are reading and a pill counts what arrived below.
 */
export function Conversation() {
  const turns = useAppStore((state) => state.turns);
  const total = useAppStore((state) => state.turnsTotal);
  const compactions = useAppStore((state) => state.detail?.compactions ?? []);
  const loadMore = useAppStore((state) => state.loadMoreTurns);
  const noteReading = useAppStore((state) => state.noteReading);
  const items = useMemo(() => timeline(turns, compactions), [turns, compactions]);
  const focus = useAppStore((state) => state.focusEntry);
  const openRef = useAppStore((state) => state.openRef);
  const focusTurn = useAppStore((state) => state.focusTurn);
  // A jump made before this list mounted (in another session, or before a reopen) is not followed.
  const [mountedSeq] = useState(() => useAppStore.getState().jump?.seq ?? 0);
  const jump = useAppStore((state) =>
    state.jump && state.jump.seq > mountedSeq && sameJump(state.jump, openRef) ? state.jump : null,
  );
  const marks = useAppStore((state) => (sameJump(state.find, openRef) ? state.find?.highlights : undefined));
  const jumped = jump ? turnItemIndex(items, jump.turn) : null;
  const focused = jumped ?? turnFocusIndex(items, focusTurn, openRef) ?? focusIndex(items, focus, openRef);
  const list = useRef<VirtuosoHandle>(null);
  const jumpSeq = jump?.seq ?? 0;
  useEffect(() => {
    if (jumpSeq === 0 || jumped === null) return;
    scrollToItem(list, jumped);
    // Only a new jump scrolls; the index moving as pages load must not pull the reader back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jumpSeq]);
  const [atBottom, setAtBottom] = useState(true);
  // The total when the person scrolled away from the bottom: what came after it is new to them.
  const [seen, setSeen] = useState(total);
  const arrived = atBottom ? 0 : Math.max(0, total - seen);
  // Where the person was before new turns rendered; the effect below reads it. Unknown until the
  // list first says, so a session opened at a search hit is never pulled away from it.
  const following = useRef(false);
  const known = useRef(total);
  useEffect(() => {
    // Only turns new on disk are followed, not pages loaded as the person scrolls down: following
    // those would load page after page to the end of a long session.
    const came = total > known.current;
    known.current = total;
    if (!came || !following.current) return;
    scrollToEnd(list);
  }, [total]);

  if (items.length === 0) {
    return <p className="centered muted">This session has no turns yet.</p>;
  }
  return (
    <>
      <Virtuoso
        ref={list}
        className="conversation"
        aria-label="Conversation"
        data={items}
        initialTopMostItemIndex={focused ?? 0}
        endReached={() => void loadMore()}
        rangeChanged={({ startIndex }) => {
          const top = firstTurnFrom(items, startIndex);
          if (top !== null) noteReading(top);
        }}
        atBottomStateChange={(bottom) => {
          setAtBottom(bottom);
          following.current = bottom;
          if (!bottom) setSeen(total);
        }}
        increaseViewportBy={600}
        itemContent={(index, item) =>
          item.kind === 'turn' ? (
            <TurnView
              turn={item.turn}
              focused={index === focused}
              focusSeq={index === jumped && jump?.focus ? jumpSeq : 0}
              marks={marks}
            />
          ) : (
            <aside className="compaction" aria-label="Compacted turns">
              <Layers size={15} aria-hidden="true" />
              <div>
                <strong>
                  {item.span.turnCount} earlier {item.span.turnCount === 1 ? 'turn' : 'turns'} compacted
                </strong>
                <span className="muted">
                  {' '}
                  · {absoluteTime(item.span.startTime)} – {absoluteTime(item.span.endTime)}
                </span>
                <p>{item.span.summary}</p>
              </div>
            </aside>
          )
        }
        components={{
          Footer: () =>
            turns.length < total ? <p className="muted centered small">Loading more turns…</p> : null,
        }}
      />
      {arrived > 0 && (
        <button
          type="button"
          className="new-turns"
          onClick={() => {
            setSeen(total);
            scrollToEnd(list);
          }}
        >
          <ArrowDown size={14} aria-hidden="true" /> {counted(arrived, 'new turn')}
        </button>
      )}
    </>
  );
}

/** The index of the first turn at or below an item (compactions sit between turns). */
function firstTurnFrom(items: readonly TimelineItem[], from: number): number | null {
  for (let at = from; at < items.length; at++) {
    const item = items[at];
    if (item?.kind === 'turn') return item.turn.index;
  }
  return null;
}

/** Frames over which a jump is repeated; see scrollToEnd. */
const settleFrames = 10;

/**
 * Turns are measured only as they render, and each jump renders new ones whose real height moves
 * the end again (more so the narrower the pane and the more lines a turn wraps to), so the jump
 * is repeated for a few frames, until the turns it reached have been measured.
 */
function scrollToEnd(list: RefObject<VirtuosoHandle | null>, frames = settleFrames): void {
  list.current?.scrollTo({ top: Number.MAX_SAFE_INTEGER });
  if (frames > 0) requestAnimationFrame(() => scrollToEnd(list, frames - 1));
}

/** A jump to an item far away lands by estimated heights, so it too is repeated as they are measured. */
function scrollToItem(list: RefObject<VirtuosoHandle | null>, index: number, frames = settleFrames): void {
  list.current?.scrollToIndex({ index, align: 'start', offset: -12 });
  if (frames > 0) requestAnimationFrame(() => scrollToItem(list, index, frames - 1));
}
