import type { ReactNode } from 'react';

/** A label and its value; null is a value the session left unset, which is shown, not hidden. */
export type Property = [label: string, value: ReactNode | null];

export function Properties({ items, label }: { items: Property[]; label: string }) {
  return (
    <dl className="insp-props" aria-label={label}>
      {items.map(([term, value]) => (
        <div className="insp-prop" key={term}>
          <dt>{term}</dt>
          <dd>{value ?? <NotSet />}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NotSet() {
  return <span className="insp-not-set">not set</span>;
}
