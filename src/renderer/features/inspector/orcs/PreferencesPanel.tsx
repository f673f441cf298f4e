import { Settings2 } from 'lucide-react';
import type { OrcsPreferences } from '../../../../shared/panels/orcs';
import { Chips } from '../Chips';
import { EmptyState } from '../EmptyState';
import { JsonValue } from '../JsonValue';
import { Properties } from '../Properties';
import { Section } from '../Section';

/** How the user likes ORCS to write and talk; every field is shown, set or not, so gaps are visible. */
export function PreferencesPanel({ preferences }: { preferences: OrcsPreferences }) {
  const { codingStyle, communication, frequentTools, custom } = preferences;
  const customKeys = Object.keys(custom).sort();
  return (
    <section className="inspector" aria-label="Preferences">
      <div className="insp-columns">
        <Section title="Coding style">
          <Properties
            label="Coding style"
            items={[
              [
                'Languages',
                codingStyle.preferredLanguages.length > 0 ? (
                  <Chips items={codingStyle.preferredLanguages} label="Preferred languages" />
                ) : null,
              ],
              ['Indent', codingStyle.indent],
              [
                'Indent size',
                codingStyle.indentSize === null ? null : (
                  <span className="insp-number">{codingStyle.indentSize}</span>
                ),
              ],
              ['Naming convention', codingStyle.namingConvention],
              ['Comment style', codingStyle.commentStyle],
            ]}
          />
        </Section>
        <Section title="Communication">
          <Properties
            label="Communication"
            items={[
              ['Verbosity', communication.verbosity],
              ['Language', communication.language],
              ['Formality', communication.formality],
              [
                'Include examples',
                <span className={`insp-flag${communication.includeExamples ? ' on' : ''}`}>
                  {communication.includeExamples ? 'Yes' : 'No'}
                </span>,
              ],
            ]}
          />
        </Section>
      </div>
      <Section title="Frequent tools" count={frequentTools.length}>
        {frequentTools.length > 0 ? (
          <div className="insp-card insp-padded">
            <Chips items={frequentTools} label="Frequent tools" mono />
          </div>
        ) : (
          <EmptyState icon={Settings2} title="No frequent tools recorded" compact />
        )}
      </Section>
      <Section title="Custom" count={customKeys.length}>
        {customKeys.length > 0 ? (
          <Properties
            label="Custom preferences"
            items={customKeys.map((key) => [
              key,
              <JsonValue value={custom[key]} label={`Custom preference ${key}`} />,
            ])}
          />
        ) : (
          <EmptyState icon={Settings2} title="No custom preferences" compact />
        )}
      </Section>
    </section>
  );
}
