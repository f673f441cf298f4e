/** A session summary for tests of code that only reads summaries: every write allowed, nothing damaged. */
import type { SessionSummary } from './model';

export function sampleSummary(root: string, id: string, extra: Partial<SessionSummary> = {}): SessionSummary {
  return {
    ref: { root, id },
    format: 'zeroclaw',
    title: id,
    untitled: true,
    createdAt: null,
    updatedAt: null,
    projectPath: null,
    turnCount: 0,
    sizeBytes: 0,
    health: { unreadableLines: 0, damaged: null, chain: null },
    capabilities: {
      rename: true,
      delete: true,
      append: true,
      removeLast: true,
      compact: true,
      setState: true,
      fork: true,
    },
    key: null,
    storage: null,
    state: null,
    ...extra,
  };
}
