import type { SessionStats, TimelineRow } from '../../../../shared/stats';
import { counted } from '../../../lib/words';
import { shortDuration } from '../../charts/format';

/** A waterfall bar: where it lies on the time axis, from the session's start. */
export interface WaterfallBar {
  /** Row position, so equal labels (two calls of one tool) stay apart on the category axis. */
  key: number;
  label: string;
  /** [from, to] in ms since the session's first timed row; `to` is never shorter than `min`. */
  range: [number, number];
  /** The real length, for the tooltip: a bar drawn wider than it lasted must not say so. */
  durationMs: number;
  row: TimelineRow;
}

export interface Waterfall {
  /** Epoch ms the axis starts at. */
  origin: number;
  /** Axis length in ms. */
  span: number;
  bars: WaterfallBar[];
}

/** A bar is drawn at least this share of the axis wide, so an instant is still a mark. */
const MIN_SHARE = 0.004;

/** The timed rows as bars from the session's start; rows without a time have no place on the axis. */
export function waterfallOf(rows: TimelineRow[]): Waterfall {
  const timed = rows.filter(
    (row): row is TimelineRow & { start: number; end: number } => row.start !== null && row.end !== null,
  );
  if (timed.length === 0) return { origin: 0, span: 0, bars: [] };
  const origin = Math.min(...timed.map((row) => row.start));
  const span = Math.max(...timed.map((row) => row.end)) - origin;
  const min = Math.max(1, span * MIN_SHARE);
  return {
    origin,
    span,
    bars: timed.map((row, key) => {
      const from = row.start - origin;
      const durationMs = row.end - row.start;
      return { key, label: rowLabel(row), range: [from, from + Math.max(durationMs, min)], durationMs, row };
    }),
  };
}

export function rowLabel(row: TimelineRow): string {
  switch (row.kind) {
    case 'turn':
      return `#${row.turn + 1} ${row.role ?? ''}`.trim();
    case 'tool':
      return row.tool ?? 'tool';
    case 'span':
      return `#${row.turn + 1}–${row.lastTurn + 1}`;
  }
}

/** The waterfall in a sentence: its accessible name. */
export function timelineSummary(stats: SessionStats, waterfall: Waterfall): string {
  const parts = [
    `Timeline of ${counted(stats.turns, 'turn')} and ${counted(stats.toolCalls, 'tool call')}`,
    `${stats.failedCalls.toLocaleString()} failed`,
  ];
  if (waterfall.span > 0) parts.push(`over ${shortDuration(waterfall.span)}`);
  const slowest = slowestCall(waterfall.bars);
  if (slowest) parts.push(`slowest call ${slowest.label}, ${shortDuration(slowest.durationMs)}`);
  if (stats.spanTurns !== null)
    parts.push(
      stats.spanTurns === 1
        ? 'each bar is one turn with its calls'
        : `each bar is ${counted(stats.spanTurns, 'turn')}`,
    );
  return parts.join('; ');
}

function slowestCall(bars: WaterfallBar[]): WaterfallBar | null {
  let slowest: WaterfallBar | null = null;
  for (const bar of bars) {
    if (bar.row.kind === 'tool' && bar.durationMs > 0 && (!slowest || bar.durationMs > slowest.durationMs))
      slowest = bar;
  }
  return slowest;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** Steps a time axis reads well in: round milliseconds, seconds, minutes, hours, days. */
const STEPS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
  2 * D,
  7 * D,
  14 * D,
  30 * D,
];

/** About `count` ticks at a round step from 0, the last at or past `span`: the axis ends on a tick. */
export function timeTicks(span: number, count = 5): number[] {
  if (!(span > 0)) return [0];
  const step = STEPS.find((candidate) => candidate >= span / count) ?? Math.ceil(span / count / D) * D;
  const ticks = [0];
  while ((ticks.at(-1) as number) < span) ticks.push((ticks.at(-1) as number) + step);
  return ticks;
}
