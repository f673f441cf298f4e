import type { IndexStatus } from '../../../shared/search';

/** "Indexing 1,234 of 10,000 files · 45.2 MB/s · about 1 min left", saying only what is known. */
export function progressText(status: IndexStatus): string {
  if (status.phase === 'listing') {
    return status.filesTotal > 0
      ? `Looking for sessions · ${status.filesTotal.toLocaleString()} files found`
      : 'Looking for sessions';
  }
  const parts = [
    `Indexing ${status.filesDone.toLocaleString()} of ${status.filesTotal.toLocaleString()} files`,
  ];
  if (status.mbPerSecond > 0) parts.push(`${status.mbPerSecond.toFixed(1)} MB/s`);
  if (status.secondsLeft !== null) parts.push(timeLeft(status.secondsLeft));
  return parts.join(' · ');
}

/** Rounded the way a person would say it: an estimate is never precise to the second. */
export function timeLeft(seconds: number): string {
  if (seconds < 45) return 'less than a minute left';
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}
