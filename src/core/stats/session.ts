/**
 * session.stats: one session's timeline and token use, read a page of turns at a time through its
 * format's store (which pages a JSONL log by its line index), so a session of 50,000 turns is
 * never held whole and the answer stays under TIMELINE_CAP rows.
 */
import type { FormatPanels } from '../../shared/model';
import type { SessionStats, SessionTokens } from '../../shared/stats';
import type { FormatStore } from '../formats/format';
import { TimelineBuilder } from './timeline';

/** Turns read at a time: what session.turns allows at most. */
const PAGE = 500;

export async function sessionStats(store: FormatStore, id: string): Promise<SessionStats> {
  const detail = await store.detail(id);
  const builder = new TimelineBuilder();
  let from = 0;
  for (;;) {
    const page = await store.turns(id, from, PAGE);
    for (const turn of page.turns) builder.add(turn);
    from += page.turns.length;
    if (page.turns.length === 0 || from >= page.total) break;
  }
  return { ...builder.finish(), tokens: tokensOf(detail.panels) };
}

/**
 * Token use where the format records it: yoi writes an `llm_usage` entry per request, of which its
 * panels keep the newest ones and totals over all. ORCS and ZeroClaw record none.
 */
export function tokensOf(panels: FormatPanels): SessionTokens | null {
  if (panels.format !== 'yoi' || panels.usage.total === 0) return null;
  const points = [...panels.usage.items]
    .sort((a, b) => a.line - b.line)
    .map((usage) => ({
      time: usage.time,
      // The request's input counts its cached parts too; the chart stacks them apart.
      input: Math.max(0, usage.inputTotalTokens - usage.cacheReadTokens - usage.cacheWriteTokens),
      cacheRead: usage.cacheReadTokens,
      cacheWrite: usage.cacheWriteTokens,
      output: usage.outputTokens,
    }));
  const totals = panels.usageTotals;
  return {
    points,
    requests: panels.usage.total,
    totals: {
      input: Math.max(0, totals.inputTotalTokens - totals.cacheReadTokens - totals.cacheWriteTokens),
      cacheRead: totals.cacheReadTokens,
      cacheWrite: totals.cacheWriteTokens,
      output: totals.outputTokens,
    },
  };
}
