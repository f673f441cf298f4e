import { CloudOff, FileJson, Layers, Tags } from 'lucide-react';
import type { CompactedSpan } from '../../../../shared/model';
import type { OrcsPanels } from '../../../../shared/panels/orcs';
import { absoluteTime, formatBytes, relativeTime } from '../../../lib/time';
import { Bar } from '../Bar';
import { EmptyState } from '../EmptyState';
import { JsonValue, jsonKind } from '../JsonValue';
import { formatPercent } from '../percent';
import { Properties } from '../Properties';
import { Section } from '../Section';
import type { DetailOf } from '../tabs';

/** Identity and bookkeeping of one ORCS session file. */
export function SessionFacts({ detail }: { detail: DetailOf<OrcsPanels> }) {
  const { summary, panels, compactions } = detail;
  const metadataKeys = Object.keys(panels.metadata).sort();
  return (
    <section className="inspector" aria-label="Session facts">
      <div className="insp-card insp-head">
        <span className="insp-head-icon" aria-hidden="true">
          <FileJson size={18} strokeWidth={1.75} />
        </span>
        <dl className="insp-head-main insp-identity">
          <div>
            <dt>Session id</dt>
            <dd>
              <code className="insp-selectable">{panels.sessionId}</code>
            </dd>
          </div>
          <div>
            <dt>Sync state</dt>
            <dd title="ORCS keeps its sessions on this machine only">
              <span className="badge insp-neutral">
                <CloudOff size={12} aria-hidden="true" /> {syncWords[panels.syncState]}
              </span>
            </dd>
          </div>
        </dl>
      </div>
      <div className="insp-columns">
        <Section title="File">
          <Properties
            label="File"
            items={[
              ['Format version', <span className="insp-number">{panels.version}</span>],
              ['Created', <When iso={summary.createdAt} />],
              ['Updated', <When iso={summary.updatedAt} />],
              ['Size on disk', formatBytes(summary.sizeBytes)],
            ]}
          />
        </Section>
        <Section title="History">
          <Properties
            label="History"
            items={[
              ['Turns', <span className="insp-number">{summary.turnCount.toLocaleString()}</span>],
              ['Max turns', <MaxTurns turns={summary.turnCount} max={panels.maxTurns} />],
              [
                'Compacted',
                compactions.length > 0 ? (
                  `${compactedTurns(compactions).toLocaleString()} earlier turns in ${compactions.length} ${
                    compactions.length === 1 ? 'summary' : 'summaries'
                  }`
                ) : (
                  <span className="insp-dim">nothing yet</span>
                ),
              ],
            ]}
          />
        </Section>
      </div>

      {compactions.length > 0 && (
        <Section title="Compacted spans" count={compactions.length}>
          <ol className="insp-stack insp-spans" aria-label="Compacted spans">
            {compactions.map((span, index) => (
              <li className="insp-card insp-span" key={index}>
                <header className="insp-card-header">
                  <Layers size={14} aria-hidden="true" className="insp-dim" />
                  <strong>
                    {span.turnCount.toLocaleString()} {span.turnCount === 1 ? 'turn' : 'turns'}
                  </strong>
                  <span className="insp-dim small">
                    {absoluteTime(span.startTime)} – {absoluteTime(span.endTime)}
                  </span>
                </header>
                <p className="insp-span-summary">{span.summary}</p>
              </li>
            ))}
          </ol>
        </Section>
      )}

      <Section title="Metadata" count={metadataKeys.length}>
        {metadataKeys.length === 0 ? (
          <EmptyState icon={Tags} title="No metadata" compact />
        ) : (
          <div className="insp-card insp-table-wrap">
            <table className="insp-table insp-metadata" aria-label="Session metadata">
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Type</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {metadataKeys.map((key) => (
                  <tr key={key}>
                    <th scope="row">
                      <code>{key}</code>
                    </th>
                    <td>
                      <span className="insp-type">{jsonKind(panels.metadata[key])}</span>
                    </td>
                    <td>
                      <JsonValue value={panels.metadata[key]} label={`Metadata ${key}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </section>
  );
}

const syncWords: Record<OrcsPanels['syncState'], string> = { LocalOnly: 'Local only' };

function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="insp-not-set">unknown</span>;
  return (
    <span className="insp-when">
      <time dateTime={iso}>{absoluteTime(iso)}</time>
      <span className="insp-dim">{relativeTime(iso)}</span>
    </span>
  );
}

/** How close the history is to the point where ORCS folds its oldest turns into a summary. */
function MaxTurns({ turns, max }: { turns: number; max: number }) {
  return (
    <span className="insp-max-turns">
      <span className="insp-number">{max.toLocaleString()}</span>
      {max > 0 && (
        <>
          <Bar fraction={turns / max} />
          <span className="insp-dim small">{formatPercent(turns / max)} full</span>
        </>
      )}
    </span>
  );
}

function compactedTurns(spans: CompactedSpan[]): number {
  return spans.reduce((sum, span) => sum + span.turnCount, 0);
}
