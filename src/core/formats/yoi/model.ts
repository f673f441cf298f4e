/** yoi sessions in the normalised model (src/shared/model.ts, src/shared/panels/yoi.ts). */
import type { ChainStatus, SessionDetail, SessionSummary } from '../../../shared/model';
import type { YoiPanels, YoiTraceSummary } from '../../../shared/panels/yoi';
import type { FileFacts } from '../../jsonl';
import type { Digest } from './digest';

/** What a list knows of a session it did not read whole (a log past the listing threshold). */
export interface Glance {
  id: string;
  facts: FileFacts;
  createdAt: string | null;
  chain: ChainStatus;
  /** The digest when the log was read (small, or read before in this state). */
  digest: Digest | null;
}

export function summaryOf(rootId: string, g: Glance): SessionSummary {
  const d = g.digest;
  const damaged = d && d.entries === 0 && g.facts.size > 0 ? 'no line of the log is a readable entry' : null;
  return {
    ref: { root: rootId, id: g.id },
    format: 'yoi',
    // yoi logs have no names; the Library lays the one it keeps for the session over these two.
    title: g.id,
    untitled: true,
    createdAt: d?.createdAt ?? g.createdAt,
    updatedAt: d?.updatedAt ?? new Date(g.facts.mtimeMs).toISOString(),
    projectPath: null,
    turnCount: d ? d.turnIndex.count : 0,
    sizeBytes: g.facts.size,
    health: { unreadableLines: d ? d.index.unreadableCount : 0, damaged, chain: g.chain },
    capabilities: {
      rename: true,
      delete: true,
      append: false,
      removeLast: false,
      compact: false,
      setState: false,
      fork: true,
    },
    key: null,
    storage: null,
    state: null,
  };
}

export function detailOf(summary: SessionSummary, d: Digest, trace: YoiTraceSummary | null): SessionDetail {
  const { state } = d;
  const panels: YoiPanels = {
    format: 'yoi',
    sessionId: summary.ref.id,
    systemPrompt: state.systemPrompt,
    config: state.config,
    turnCount: state.turnCount,
    lastRunInterrupted: state.lastRunInterrupted,
    headHash: state.headHash,
    historyItems: state.historyItems,
    forkedFrom: d.forkedFrom,
    compactedFrom: d.compactedFrom,
    ...d.lists(),
    usageTotals: { ...state.usageTotals },
    unknownEntries: d.unknownEntries,
    trace,
  };
  return { summary, compactions: [], panels };
}
