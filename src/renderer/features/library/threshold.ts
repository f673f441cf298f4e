/** Thirty minutes: long for one agent turn, short enough to notice a hung one the same hour. */
export const defaultStuckMinutes = 30;
/** A week; a turn running longer than that is stuck by any threshold. */
export const maxStuckMinutes = 7 * 24 * 60;

/** Whole minutes from 1 to a week, as typed into the filter bar or read back from storage. */
export function parseMinutes(text: string | null): number | null {
  if (text === null || !/^\s*\d+\s*$/.test(text)) return null;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= maxStuckMinutes ? minutes : null;
}
