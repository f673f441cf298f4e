/**
 * A thin horizontal bar for a part of a whole (0..1). It is drawn only; the number beside it
 * carries the meaning for assistive tech, so the bar is hidden from it.
 */
export function Bar({
  fraction,
  tone = 'accent',
}: {
  fraction: number;
  tone?: 'accent' | 'ok' | 'warn' | 'low';
}) {
  const width = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  // A sliver stays visible, so a small share never looks the same as none.
  const fill = width > 0 ? `max(2px, ${width * 100}%)` : '0';
  return (
    <span className={`insp-bar tone-${tone}`} aria-hidden="true">
      <span className="insp-bar-fill" style={{ width: fill }} />
    </span>
  );
}
