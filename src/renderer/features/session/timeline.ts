import type { CompactedSpan, Turn } from '../../../shared/model';

export type TimelineItem = { kind: 'turn'; turn: Turn } | { kind: 'compaction'; span: CompactedSpan };

/**
 * Compacted spans sit where their time range falls: before the first turn that came after them.
 * Spans without times come first, since agents compact the oldest turns.
 */
export function timeline(turns: Turn[], compactions: CompactedSpan[]): TimelineItem[] {
  const spans = [...compactions].sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  const items: TimelineItem[] = [];
  let next = 0;
  for (const turn of turns) {
    while (next < spans.length && placesBefore(spans[next] as CompactedSpan, turn)) {
      items.push({ kind: 'compaction', span: spans[next++] as CompactedSpan });
    }
    items.push({ kind: 'turn', turn });
  }
  for (; next < spans.length; next++) items.push({ kind: 'compaction', span: spans[next] as CompactedSpan });
  return items;
}

function placesBefore(span: CompactedSpan, turn: Turn): boolean {
  if (!span.endTime || !turn.time) return true;
  return span.endTime <= turn.time;
}
