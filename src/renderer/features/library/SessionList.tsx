import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useAppStore } from '../../store/store';
import { SessionRow } from './SessionRow';

const rowHeight = 68;

/** Every session of every root, newest first, virtualised so 10,000 rows scroll like 10. */
export function SessionList() {
  const sessions = useAppStore((state) => state.sessions);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  return (
    <nav className="session-list" aria-label="Sessions">
      <div className="pane-header">
        <h2>Sessions</h2>
        <span className="count" aria-label={`${sessions.length} sessions`}>
          {sessions.length}
        </span>
      </div>
      <div className="scroller" ref={scroller}>
        <ul style={{ height: virtualizer.getTotalSize() }} role="list">
          {virtualizer.getVirtualItems().map((item) => {
            const session = sessions[item.index];
            if (!session) return null;
            return (
              <SessionRow
                key={`${session.ref.root}/${session.ref.id}`}
                session={session}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
              />
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
