/**
 * Document ids: `(day * DAY_SPAN + counter) * CLASS_SPAN + weight class` (schema.ts). The day of
 * the document's time in the high bits makes id order time order; the class in the low bits lets
 * a search weigh a match without reading its row.
 */
import { CLASS_SPAN } from './rank';

/**
 * Ids per day of document time (2^35: unique until that many documents have been written), and
 * the days an id can name (2^15 from 2000: to 2089). With the class below, ids stay under 2^53.
 */
const DAY_SPAN = 2 ** 35;
const FIRST_DAY = Date.UTC(2000, 0, 1) / 86_400_000;
const LAST_DAY = 2 ** 15 - 1;
const DAY_MS = 86_400_000;

/** The id of a document of this time (now when it has none, or nonsense), counter and class. */
export function docId(time: string | null, now: number, counter: number, weightClass: number): number {
  return (dayOf(time, now) * DAY_SPAN + (counter % DAY_SPAN)) * CLASS_SPAN + weightClass;
}

/** The day (YYYY-MM-DD, UTC) whose documents an id belongs to. */
export function dayOfId(id: number): string {
  const day = Math.floor(id / CLASS_SPAN / DAY_SPAN);
  return new Date((FIRST_DAY + day) * DAY_MS).toISOString().slice(0, 10);
}

/** The lowest id a document of this day (YYYY-MM-DD, UTC) or any later one can have. */
export function firstIdOfDay(day: string): number {
  return dayOf(`${day}T00:00:00.000Z`, 0) * DAY_SPAN * CLASS_SPAN;
}

function dayOf(time: string | null, now: number): number {
  const ms = time === null ? NaN : Date.parse(time);
  const day = Math.floor((Number.isFinite(ms) ? ms : now) / DAY_MS) - FIRST_DAY;
  return Math.min(Math.max(day, 0), LAST_DAY);
}
