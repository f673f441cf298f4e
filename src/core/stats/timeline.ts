/**
 * A session's waterfall, built one turn at a time so a session of any length is read in pages and
 * never held whole. While the session has at most TIMELINE_CAP rows (a row per turn and per tool
 * call) every one is kept; past that the rows are spans of consecutive turns, whose width doubles
 * (neighbouring spans merge) each time there would be more spans than the cap, so at most
 * TIMELINE_CAP rows are ever held either way.
 */
import type { Turn } from '../../shared/model';
import { TIMELINE_CAP } from '../../shared/stats';
import type { SessionStats, TimelineRow } from '../../shared/stats';

/** A turn read, waiting for the next one: its row ends where the next turn starts. */
interface Waiting {
  index: number;
  role: string;
  start: number | null;
  calls: { name: string; durationMs: number | null; failed: boolean }[];
}

export type TimelineFigures = Omit<SessionStats, 'tokens'>;

export class TimelineBuilder {
  /** Every turn and call, until there are more than the cap; then null. */
  private rows: TimelineRow[] | null = [];
  private spans: TimelineRow[] = [];
  private width = 1;
  private waiting: Waiting | null = null;
  private turns = 0;
  private toolCalls = 0;
  private failedCalls = 0;
  private timedTurns = 0;

  constructor(private readonly cap = TIMELINE_CAP) {}

  add(turn: Turn): void {
    const start = epochOf(turn.time);
    this.settle(start);
    this.turns += 1;
    if (start !== null) this.timedTurns += 1;
    const calls = turn.toolCalls.map((call) => ({
      name: call.name,
      durationMs: typeof call.durationMs === 'number' && call.durationMs >= 0 ? call.durationMs : null,
      failed: call.success === false,
    }));
    this.toolCalls += calls.length;
    this.failedCalls += calls.filter((call) => call.failed).length;
    this.waiting = { index: turn.index, role: turn.role, start, calls };
  }

  finish(): TimelineFigures {
    this.settle(null);
    const exact = this.rows !== null;
    return {
      turns: this.turns,
      toolCalls: this.toolCalls,
      failedCalls: this.failedCalls,
      timedTurns: this.timedTurns,
      rows: this.rows ?? this.spans,
      spanTurns: exact ? null : this.width,
    };
  }

  /** Writes the waiting turn's rows, now that the next turn's start (or the end) is known. */
  private settle(next: number | null): void {
    const turn = this.waiting;
    if (!turn) return;
    this.waiting = null;
    const { start } = turn;
    const busy = turn.calls.reduce((sum, call) => sum + (call.durationMs ?? 0), 0);
    const end = start === null ? null : Math.max(start + busy, next !== null && next >= start ? next : start);
    const failed = turn.calls.filter((call) => call.failed).length;
    const row: TimelineRow = {
      kind: 'turn',
      turn: turn.index,
      lastTurn: turn.index,
      role: turn.role,
      tool: null,
      start,
      end,
      calls: turn.calls.length,
      failed,
    };
    this.span(row);
    if (!this.rows) return;
    this.rows.push(row);
    // Calls in one turn ran one after another, from the turn's own time.
    let at = start;
    for (const call of turn.calls) {
      const callEnd = at === null ? null : at + (call.durationMs ?? 0);
      this.rows.push({
        kind: 'tool',
        turn: turn.index,
        lastTurn: turn.index,
        role: null,
        tool: call.name,
        start: at,
        end: callEnd,
        calls: 1,
        failed: call.failed ? 1 : 0,
      });
      at = callEnd;
    }
    if (this.rows.length > this.cap) this.rows = null;
  }

  private span(row: TimelineRow): void {
    const last = this.spans.at(-1);
    if (last && last.lastTurn - last.turn + 1 < this.width) {
      this.spans[this.spans.length - 1] = merged(last, row);
      return;
    }
    this.spans.push({ ...row, kind: 'span', role: null });
    if (this.spans.length <= this.cap) return;
    const halved: TimelineRow[] = [];
    for (let i = 0; i < this.spans.length; i += 2) {
      const first = this.spans[i] as TimelineRow;
      const second = this.spans[i + 1];
      halved.push(second ? merged(first, second) : first);
    }
    this.spans = halved;
    this.width *= 2;
  }
}

function merged(a: TimelineRow, b: TimelineRow): TimelineRow {
  return {
    kind: 'span',
    turn: a.turn,
    lastTurn: b.lastTurn,
    role: null,
    tool: null,
    start: least(a.start, b.start),
    end: a.end === null ? b.end : b.end === null ? a.end : Math.max(a.end, b.end),
    calls: a.calls + b.calls,
    failed: a.failed + b.failed,
  };
}

function least(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

function epochOf(time: string | null): number | null {
  if (time === null) return null;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? ms : null;
}
