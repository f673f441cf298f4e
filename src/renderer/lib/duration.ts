const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * How long something has been going on, in the two largest units that matter at a glance:
 * "45 min", "2 h 5 min", "3 d 4 h". A clock that runs behind (a start in the future) reads as
 * just begun rather than as a negative span.
 */
export function formatElapsed(ms: number): string {
  if (!(ms >= minute)) return '< 1 min';
  if (ms < hour) return `${Math.floor(ms / minute)} min`;
  if (ms < day) return pair(Math.floor(ms / hour), 'h', Math.floor((ms % hour) / minute), 'min');
  return pair(Math.floor(ms / day), 'd', Math.floor((ms % day) / hour), 'h');
}

function pair(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small > 0 ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`;
}
