/**
 * A page of turns read by byte range: the lines from the page's first turn through the last
 * entry that adds to any of its turns (a tool result may come many lines later) are folded by a
 * Timeline that starts at that first turn's index. The turns come out as the whole-log fold makes
 * them (timeline.ts says why a replay from a turn's line is enough).
 */
import type { FileHandle } from 'node:fs/promises';
import type { Turn, TurnPage } from '../../../shared/model';
import { scanLines } from '../../jsonl';
import type { LineIndex } from '../../jsonl';
import type { Digest } from './digest';
import { parseHashedLine } from './entries';
import { isBlank } from './log';
import { Timeline } from './timeline';

/** The line number of record `record`: the records before it plus the skipped lines before it. */
function lineOf(index: LineIndex, record: number): number {
  const offset = index.recordOffset(record);
  const skipped = index.skipped;
  let low = 0;
  let high = skipped.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((skipped[mid]?.offset ?? 0) < offset) low = mid + 1;
    else high = mid;
  }
  return record + low + 1;
}

/** Turns [from, from + count) of the log `handle` reads, as `digest` indexed it. */
export async function readTurns(
  handle: FileHandle,
  digest: Digest,
  from: number,
  count: number,
): Promise<TurnPage> {
  const { index, turnIndex } = digest;
  const total = turnIndex.count;
  const start = Math.max(0, Math.min(from, total));
  const end = Math.min(total, start + Math.max(0, count));
  if (start === end) return { total, from: start, turns: [] };
  // Everything read from the indexes is taken before the first await: an append may extend them.
  const span = turnIndex.span(start, end, (record) => lineOf(index, record));
  const first = index.recordOffset(span.firstRecord);
  const stop = Math.min(
    index.facts.size,
    index.recordOffset(span.lastRecord) + index.recordLength(span.lastRecord) + 1,
  );
  const turns: Turn[] = [];
  const timeline = new Timeline({
    keep: false,
    firstIndex: span.firstIndex,
    resultTaken: span.taken,
    onTurn: (turn) => {
      if (turn.index >= start && turn.index < end) turns.push(turn);
    },
  });
  let lastTs = span.tsBefore;
  await scanLines(
    handle,
    (raw) => {
      if (raw.bytes === null || isBlank(raw.bytes)) return;
      const parsed = parseHashedLine(raw.bytes.toString('utf8'));
      // The digest lists the lines that are not entries; here they are skipped as the fold skips them.
      if (!parsed.ok) return;
      const { entry, hash } = parsed.value;
      timeline.add(parsed.value, { line: raw.number, hash, ts: entry.ts ?? lastTs ?? 0 });
      if (entry.ts !== null) lastTs = entry.ts;
    },
    { start: first, end: stop, firstLine: span.firstLine },
  );
  return { total, from: start, turns };
}
