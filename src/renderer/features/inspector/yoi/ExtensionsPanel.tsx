import { Puzzle } from 'lucide-react';
import type { YoiPanels } from '../../../../shared/panels/yoi';
import { JsonTree } from '../../../components/JsonTree';
import { EmptyState } from '../EmptyState';
import { Section } from '../Section';
import type { DetailOf } from '../tabs';
import { When } from '../When';

/** `extension` entries: opaque payloads callers such as memory extraction keep in the log. */
export function ExtensionsPanel({ detail }: { detail: DetailOf<YoiPanels> }) {
  const { extensions } = detail.panels;
  return (
    <section className="inspector" aria-label="Extensions">
      <Section title="Extension entries" count={extensions.total}>
        {extensions.items.length === 0 ? (
          <EmptyState icon={Puzzle} title="No extension entries" compact />
        ) : (
          <ul className="yoi-list">
            {extensions.items.map((extension) => (
              <li key={extension.line} className="insp-card yoi-extension">
                <header>
                  <code className="yoi-domain">{extension.domain}</code>
                  <span className="insp-dim">line {extension.line}</span>
                  <When iso={extension.time} />
                </header>
                <JsonTree
                  value={extension.payload}
                  label={`Payload of ${extension.domain}, line ${extension.line}`}
                />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </section>
  );
}
