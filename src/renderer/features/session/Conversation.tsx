import { Layers } from 'lucide-react';
import { useMemo } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { absoluteTime } from '../../lib/time';
import { focusIndex } from '../inspector/yoi/focus';
import { turnFocusIndex } from '../search/turnFocus';
import { useAppStore } from '../../store/store';
import { timeline } from './timeline';
import { TurnView } from './TurnView';

/** The turns of the open session, virtualised; more pages load as the end comes into view. */
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

  if (items.length === 0) {
    return <p className="centered muted">This session has no turns yet.</p>;
  }
  return (
    <Virtuoso
      className="conversation"
      aria-label="Conversation"
      data={items}
      initialTopMostItemIndex={focused ?? 0}
      endReached={() => void loadMore()}
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
  );
}
