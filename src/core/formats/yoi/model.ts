/** yoi sessions in the normalised model (src/shared/model.ts, src/shared/panels/yoi.ts). */
import type { ChainStatus, SessionDetail, SessionSummary, TurnPage } from '../../../shared/model';
import type { YoiPanels, YoiTraceSummary } from '../../../shared/panels/yoi';
import type { FileFacts } from '../../jsonl';
import type { Digest } from './digest';

/** What a list knows of a session it did not read whole (a log past the listing threshold). */
export interface Glance {
  id: string;
  facts: FileFacts;
  createdAt: string | null;
  chain: ChainStatus;
  /** The full digest when the log was read (small, or read before in this state). */
  digest: Digest | null;
}

export function summaryOf(rootId: string, g: Glance): SessionSummary {
  const d = g.digest;
  const damaged = d && d.entries === 0 && g.facts.size > 0 ? 'no line of the log is a readable entry' : null;
  return {
    ref: { root: rootId, id: g.id },
    format: 'yoi',
    // yoi sessions have no names; the Library may give them one of its own.
    title: g.id,
    untitled: true,
    createdAt: d?.createdAt ?? g.createdAt,
    updatedAt: d?.updatedAt ?? new Date(g.facts.mtimeMs).toISOString(),
    projectPath: null,
    turnCount: d ? d.turns.length : 0,
    sizeBytes: g.facts.size,
    health: { unreadableLines: d ? d.unreadable.length : 0, damaged, chain: g.chain },
    capabilities: {
      rename: false,
      delete: true,
      append: false,
      removeLast: false,
      compact: false,
      setState: false,
    },
    key: null,
    storage: null,
    state: null,
  };
}

export function detailOf(summary: SessionSummary, d: Digest, trace: YoiTraceSummary | null): SessionDetail {
  const { state } = d;
  const totals = { inputTotalTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 0 };
  for (const u of state.usageHistory) {
    totals.inputTotalTokens += u.input_total_tokens;
    totals.cacheReadTokens += u.cache_read_tokens;
    totals.cacheWriteTokens += u.cache_write_tokens;
    totals.outputTokens += u.output_tokens;
  }
  const panels: YoiPanels = {
    format: 'yoi',
    sessionId: summary.ref.id,
    systemPrompt: state.systemPrompt,
    config: state.config,
    turnCount: state.turnCount,
    lastRunInterrupted: state.lastRunInterrupted,
    headHash: state.headHash,
    historyItems: state.history.length,
    forkedFrom: d.forkedFrom,
    compactedFrom: d.compactedFrom,
    usage: d.usage,
    usageTotals: totals,
    extensions: d.extensions,
    configChanges: d.configChanges,
    runs: d.runs,
    unknownEntries: d.unknownEntries,
    trace,
  };
  return { summary, compactions: [], panels };
}

export function turnPage(d: Digest, from: number, count: number): TurnPage {
  const start = Math.max(0, Math.min(from, d.turns.length));
  return { total: d.turns.length, from: start, turns: d.turns.slice(start, start + Math.max(0, count)) };
}
