/**
 * The library's activity and tool use, as SQL aggregates over what the index stores: sessions by
 * the day they were created, turns by the day of their documents (a turn is counted once however
 * many documents it has: its message, its tool calls), and tool calls by name with their failures
 * and durations. Nothing here reads a session file.
 *
 * A range is days back from today (UTC). Document ids begin with the day of their time (ids.ts),
 * so a range reads just the rows of its days rather than the whole table.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { TOOL_ROWS_CAP } from '../../shared/stats';
import type { DayActivity, LibraryStats, ToolUsage } from '../../shared/stats';
import { firstIdOfDay } from './ids';
import { Statements } from './sql';

export interface StatsQuery {
  /** Only these roots; an empty list holds nothing. */
  roots: string[];
  /** Days back from today, today included; null for all time. */
  days: number | null;
  /** Epoch ms of "today". */
  now: number;
}

export type IndexedStats = Omit<LibraryStats, 'indexing'>;

const DAY_MS = 86_400_000;

export class IndexStats {
  private readonly shaped: Statements;

  constructor(db: DatabaseSync) {
    this.shaped = new Statements(db);
  }

  library({ roots, days, now }: StatsQuery): IndexedStats {
    const from = days === null ? null : dayString(now - (days - 1) * DAY_MS);
    const rootsJson = JSON.stringify(roots);
    const perDay = this.perDay(rootsJson, from);
    const tools = this.tools(rootsJson, from);
    const undated = from === null ? this.undated(rootsJson) : null;
    const sum = (pick: (day: DayActivity) => number) => perDay.reduce((total, day) => total + pick(day), 0);
    return {
      days,
      from: from ?? perDay[0]?.day ?? null,
      to: from === null ? (perDay.at(-1)?.day ?? null) : dayString(now),
      perDay,
      totals: {
        sessions: sum((day) => day.sessions) + (undated?.sessions ?? 0),
        turns: sum((day) => day.turns) + (undated?.turns ?? 0),
        toolCalls: tools.calls,
        failedCalls: tools.failed,
      },
      undated,
      tools: tools.rows,
      toolsTotal: tools.names,
    };
  }

  private perDay(rootsJson: string, from: string | null): DayActivity[] {
    const since = from === null ? '' : 'AND coalesce(created_at, updated_at) >= ?';
    const sessions = this.shaped
      .get(
        `SELECT substr(coalesce(created_at, updated_at), 1, 10) AS day, count(*) AS n FROM sessions
          WHERE root IN (SELECT value FROM json_each(?)) AND coalesce(created_at, updated_at) IS NOT NULL ${since}
          GROUP BY day`,
      )
      .all(...params(rootsJson, from));
    const turns = this.shaped
      .get(
        `SELECT day, count(*) AS n FROM (
          SELECT substr(time, 1, 10) AS day FROM doc_rows
            WHERE ${docsSince(from)} AND turn IS NOT NULL AND time IS NOT NULL
              AND root IN (SELECT value FROM json_each(?))
            GROUP BY root, session, turn)
          GROUP BY day`,
      )
      .all(...docParams(from), rootsJson);
    const byDay = new Map<string, DayActivity>();
    const entry = (day: string) => {
      let found = byDay.get(day);
      if (!found) {
        found = { day, sessions: 0, turns: 0 };
        byDay.set(day, found);
      }
      return found;
    };
    for (const row of sessions) entry(String(row.day)).sessions = Number(row.n);
    for (const row of turns) entry(String(row.day)).turns = Number(row.n);
    return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  private undated(rootsJson: string): { sessions: number; turns: number } {
    const sessions = this.shaped
      .get(
        `SELECT count(*) AS n FROM sessions WHERE root IN (SELECT value FROM json_each(?))
          AND created_at IS NULL AND updated_at IS NULL`,
      )
      .get(rootsJson);
    const turns = this.shaped
      .get(
        `SELECT count(*) AS n FROM (SELECT 1 FROM doc_rows
          WHERE turn IS NOT NULL AND time IS NULL AND root IN (SELECT value FROM json_each(?))
          GROUP BY root, session, turn)`,
      )
      .get(rootsJson);
    return { sessions: Number(sessions?.n ?? 0), turns: Number(turns?.n ?? 0) };
  }

  /**
   * Calls, failures and outcomes per tool, then the median and p95 of the durations recorded for
   * the tools shown, by rank within each tool (nearest rank for p95; the middle two averaged for
   * an even count's median).
   */
  private tools(
    rootsJson: string,
    from: string | null,
  ): { rows: ToolUsage[]; names: number; calls: number; failed: number } {
    const where = `${docsSince(from)} AND kind = 'tool' AND root IN (SELECT value FROM json_each(?))`;
    const args = [...docParams(from), rootsJson];
    const total = this.shaped
      .get(
        `SELECT count(*) AS calls, coalesce(sum(failed), 0) AS failed, count(DISTINCT tool) AS names
          FROM doc_rows WHERE ${where}`,
      )
      .get(...args);
    const counted = this.shaped
      .get(
        `SELECT tool, count(*) AS calls, sum(failed) AS failed, count(outcome) AS with_outcome,
          count(duration_ms) AS timed FROM doc_rows WHERE ${where}
          GROUP BY tool ORDER BY calls DESC, tool LIMIT ?`,
      )
      .all(...args, TOOL_ROWS_CAP);
    const rows = counted.map((row): ToolUsage => ({
      tool: String(row.tool ?? ''),
      calls: Number(row.calls),
      failed: Number(row.failed),
      withOutcome: Number(row.with_outcome),
      timed: Number(row.timed),
      medianMs: null,
      p95Ms: null,
    }));
    const timed = rows.filter((row) => row.timed > 0);
    if (timed.length > 0) {
      const percentiles = this.shaped
        .get(
          `WITH ranked AS (
            SELECT tool, duration_ms,
              row_number() OVER (PARTITION BY tool ORDER BY duration_ms) AS k,
              count(*) OVER (PARTITION BY tool) AS n
            FROM doc_rows
            WHERE ${where} AND duration_ms IS NOT NULL AND tool IN (SELECT value FROM json_each(?)))
          SELECT tool,
            avg(CASE WHEN k IN ((n + 1) / 2, (n + 2) / 2) THEN duration_ms END) AS median,
            max(CASE WHEN k = (95 * n + 99) / 100 THEN duration_ms END) AS p95
          FROM ranked GROUP BY tool`,
        )
        .all(...args, JSON.stringify(timed.map((row) => row.tool)));
      const byTool = new Map(rows.map((row) => [row.tool, row]));
      for (const row of percentiles) {
        const tool = byTool.get(String(row.tool ?? ''));
        if (!tool) continue;
        tool.medianMs = row.median === null ? null : Number(row.median);
        tool.p95Ms = row.p95 === null ? null : Number(row.p95);
      }
    }
    return {
      rows,
      names: Number(total?.names ?? 0),
      calls: Number(total?.calls ?? 0),
      failed: Number(total?.failed ?? 0),
    };
  }
}

/** A range's documents: from the first id of its first day on, and by their own time. */
function docsSince(from: string | null): string {
  return from === null ? '1' : 'id >= ? AND time >= ?';
}

function docParams(from: string | null): SQLInputValue[] {
  return from === null ? [] : [firstIdOfDay(from), from];
}

function params(rootsJson: string, from: string | null): SQLInputValue[] {
  return from === null ? [rootsJson] : [rootsJson, from];
}

function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
