/**
 * Times as ZeroClaw's sessions.db stores them: `Utc::now().to_rfc3339()` from chrono, which is
 * `to_rfc3339_opts(SecondsFormat::AutoSi, false)`: `+00:00`, never `Z`, and as many fraction
 * digits as the value needs, in steps of three (none, millis, micros, nanos). A JS clock has
 * milliseconds, so what we write has none or three: `2026-03-26T10:00:00.123+00:00`.
 *
 * ZeroClaw compares these strings in SQL (`last_activity < ?1`), which orders correctly only
 * because every writer uses this one format; we compare parsed instants instead.
 */

/** chrono's `to_rfc3339()` of the instant `ms` milliseconds after the epoch. */
export function toRfc3339(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-03-26T10:00:00.123Z, four-digit years only
  const whole = iso.slice(0, 19);
  const millis = iso.slice(20, 23);
  return millis === '000' ? `${whole}+00:00` : `${whole}.${millis}+00:00`;
}

/** chrono's `DateTime::parse_from_rfc3339` grammar; a leap second (:60) is folded into :59. */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or null for text chrono would not parse (ZeroClaw then shows "now"). */
export function parseRfc3339(text: string): number | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    return null;
  }
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (!m[8] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, Math.min(second, 59), millis);
  return date.getTime() - offsetMinutes * 60_000;
}

/** The ISO 8601 form the contract carries, or null. */
export function isoFromRfc3339(text: string | null): string | null {
  if (text === null) return null;
  const ms = parseRfc3339(text);
  return ms === null ? null : new Date(ms).toISOString();
}

function daysIn(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
