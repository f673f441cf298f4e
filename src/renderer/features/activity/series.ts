import type { DayActivity, LibraryStats } from '../../../shared/stats';

/** A bar of the activity chart: one day, or a week (Monday to Sunday, UTC) over a long range. */
export interface ActivityBar {
  /** The first day it covers, YYYY-MM-DD. */
  day: string;
  sessions: number;
  turns: number;
}

export interface ActivitySeries {
  unit: 'day' | 'week';
  bars: ActivityBar[];
}

/** Past this many days a bar per day is too thin to read: bars become weeks. */
export const DAYS_BEFORE_WEEKS = 120;

const DAY_MS = 86_400_000;

/**
 * The days of the range with the quiet ones filled in as zeros, so the time axis is even and a
 * gap reads as a gap; weeks over a long range.
 */
export function activitySeries(stats: Pick<LibraryStats, 'from' | 'to' | 'perDay'>): ActivitySeries {
  const { from, to, perDay } = stats;
  if (!from || !to) return { unit: 'day', bars: [] };
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const days = Math.round((end - start) / DAY_MS) + 1;
  const byDay = new Map(perDay.map((entry) => [entry.day, entry]));
  if (days <= DAYS_BEFORE_WEEKS) {
    const bars: ActivityBar[] = [];
    for (let at = start; at <= end; at += DAY_MS) bars.push(counts(dayOf(at), byDay));
    return { unit: 'day', bars };
  }
  const weeks = new Map<string, ActivityBar>();
  for (let at = weekStart(start); at <= end; at += 7 * DAY_MS) {
    weeks.set(dayOf(at), { day: dayOf(at), sessions: 0, turns: 0 });
  }
  for (const entry of perDay) {
    const week = weeks.get(dayOf(weekStart(Date.parse(`${entry.day}T00:00:00Z`))));
    if (!week) continue;
    week.sessions += entry.sessions;
    week.turns += entry.turns;
  }
  return { unit: 'week', bars: [...weeks.values()] };
}

function counts(day: string, byDay: Map<string, DayActivity>): ActivityBar {
  const found = byDay.get(day);
  return { day, sessions: found?.sessions ?? 0, turns: found?.turns ?? 0 };
}

/** The Monday (UTC) of the week holding `ms`. */
function weekStart(ms: number): number {
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return ms - weekday * DAY_MS;
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The busiest bar, for the chart's spoken summary; null when nothing happened. */
export function busiest(bars: ActivityBar[]): ActivityBar | null {
  let best: ActivityBar | null = null;
  for (const bar of bars) if (bar.turns > 0 && (!best || bar.turns > best.turns)) best = bar;
  return best;
}
