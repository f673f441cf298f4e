/** Short labels for chart axes, tooltips and the tables beside them. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "12 ms", "1.5 s", "4 min", "2.5 h", "3 d": one unit, as an axis tick has room for. */
export function shortDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  if (abs < SECOND) return `${round(ms)} ms`;
  if (abs < MINUTE) return `${round(ms / SECOND)} s`;
  if (abs < HOUR) return `${round(ms / MINUTE)} min`;
  if (abs < DAY) return `${round(ms / HOUR)} h`;
  return `${round(ms / DAY)} d`;
}

/** Up to one decimal below ten, none above: 1.5, 12, 340. */
function round(value: number): string {
  const digits = Math.abs(value) < 10 ? 1 : 0;
  return Number(value.toFixed(digits)).toLocaleString();
}

/** 1,234 · 12k · 3.4M: counts on an axis. */
export function compactCount(value: number): string {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Nov 22" for a YYYY-MM-DD day (UTC, as the core counts days); with the year where asked. */
export function dayLabel(day: string, withYear = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return (withYear ? dayYearFormat : dayFormat).format(date);
}
