import { absoluteTime, relativeTime } from '../../lib/time';

/** A moment as a date and, dimmed beside it, how long ago that was. */
export function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="insp-not-set">unknown</span>;
  return (
    <span className="insp-when">
      <time dateTime={iso}>{absoluteTime(iso)}</time>
      <span className="insp-dim">{relativeTime(iso)}</span>
    </span>
  );
}
