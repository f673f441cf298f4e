import { useId } from 'react';
import type { ReactNode } from 'react';

/** One titled part of the settings, a landmark of its own for people who jump between them. */
export function Section(props: { title: string; description?: ReactNode; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{props.title}</h3>
      {props.description && <p className="muted settings-description">{props.description}</p>}
      {props.children}
    </section>
  );
}
