import type { Turn } from '../../../../shared/model';

export interface ToolStats {
  name: string;
  calls: number;
  failures: number;
  /** Calls that carried a duration; the others add nothing to the times. */
  timedCalls: number;
  totalMs: number;
  slowestMs: number | null;
  /** This tool's part of all the time spent in tools, 0..1; 0 when no call was timed. */
  share: number;
}

export interface ToolSummary {
  /** Most time first: the question this table answers is "where did the time go?". */
  tools: ToolStats[];
  calls: number;
  failures: number;
  totalMs: number;
  slowestMs: number | null;
}

export function summariseTools(turns: readonly Turn[]): ToolSummary {
  const byName = new Map<string, Omit<ToolStats, 'share'>>();
  for (const turn of turns) {
    for (const call of turn.toolCalls) {
      let stats = byName.get(call.name);
      if (!stats) {
        stats = { name: call.name, calls: 0, failures: 0, timedCalls: 0, totalMs: 0, slowestMs: null };
        byName.set(call.name, stats);
      }
      stats.calls++;
      if (call.success === false) stats.failures++;
      // A duration a format could not have meant (negative, NaN) would only skew the bars.
      const ms = call.durationMs;
      if (ms !== null && Number.isFinite(ms) && ms >= 0) {
        stats.timedCalls++;
        stats.totalMs += ms;
        stats.slowestMs = Math.max(stats.slowestMs ?? 0, ms);
      }
    }
  }
  const all = [...byName.values()];
  const totalMs = all.reduce((sum, stats) => sum + stats.totalMs, 0);
  const tools = all
    .map((stats) => ({ ...stats, share: totalMs > 0 ? stats.totalMs / totalMs : 0 }))
    .sort((a, b) => b.totalMs - a.totalMs || b.calls - a.calls || a.name.localeCompare(b.name));
  const slowest = tools.flatMap((stats) => (stats.slowestMs === null ? [] : [stats.slowestMs]));
  return {
    tools,
    calls: tools.reduce((sum, stats) => sum + stats.calls, 0),
    failures: tools.reduce((sum, stats) => sum + stats.failures, 0),
    totalMs,
    slowestMs: slowest.length > 0 ? Math.max(...slowest) : null,
  };
}
