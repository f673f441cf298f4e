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
import { timeline } from './timeline';
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
  const items = useMemo(() => timeline(turns, compactions), [turns, compactions]);
  const focus = useAppStore((state) => state.focusEntry);
  const openRef = useAppStore((state) => state.openRef);
  const focusTurn = useAppStore((state) => state.focusTurn);
  const focused = turnFocusIndex(items, focusTurn, openRef) ?? focusIndex(items, focus, openRef);
  const list = useRef<VirtuosoHandle>(null);
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
        atBottomStateChange={(bottom) => {
          setAtBottom(bottom);
          following.current = bottom;
          if (!bottom) setSeen(total);
        }}
        increaseViewportBy={600}
        itemContent={(index, item) =>
          item.kind === 'turn' ? (
            <TurnView turn={item.turn} focused={index === focused} />
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

/** Frames over which a jump to the end is repeated; see scrollToEnd. */
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
