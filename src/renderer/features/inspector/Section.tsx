import { useId } from 'react';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** A count beside the title, for sections that list things; none at zero, where an empty state says it. */
  count?: number;
  children: ReactNode;
}

/** A titled group inside a panel; the title names the region for assistive tech and for tests. */
export function Section({ title, count, children }: Props) {
  const id = useId();
  return (
    <section className="insp-section" aria-labelledby={id}>
      <header className="insp-section-header">
        <h3 id={id}>{title}</h3>
        {count !== undefined && count > 0 && <span className="insp-count">{count}</span>}
      </header>
      {children}
    </section>
  );
}
