import { Database, FileText, TableProperties } from 'lucide-react';
import type { ZeroclawPanels } from '../../../../shared/panels/zeroclaw';
import { formatBytes } from '../../../lib/time';
import { counted } from '../../../lib/words';
import { useAppStore } from '../../../store/store';
import { EmptyState } from '../EmptyState';
import { JsonValue } from '../JsonValue';
import { Properties } from '../Properties';
import { Section } from '../Section';
import type { DetailOf } from '../tabs';
import { When } from '../When';
import { runStateProperties } from './runState';

/** Identity, storage and bookkeeping of one ZeroClaw session, with its sessions.db row. */
export function SessionPanel({ detail }: { detail: DetailOf<ZeroclawPanels> }) {
  const { summary, panels } = detail;
  const viewUnreadable = useAppStore((state) => state.viewUnreadable);
  const sqlite = panels.storage === 'sqlite';
  const columns = panels.metadataRow ? Object.keys(panels.metadataRow) : [];
  const key = originalKey(panels);
  return (
    <section className="inspector" aria-label="Session facts">
      <div className="insp-card insp-head">
        <span className="insp-head-icon" aria-hidden="true">
          {sqlite ? <Database size={18} strokeWidth={1.75} /> : <FileText size={18} strokeWidth={1.75} />}
        </span>
        <dl className="insp-head-main insp-identity">
          <div>
            <dt>Original key</dt>
            <dd>
              {key ? (
                <>
                  <code className="insp-selectable">{key}</code>
                  {key === panels.stem && <span className="insp-dim small"> same as the file stem</span>}
                </>
              ) : (
                <span
                  className="insp-not-set"
                  title="Only sessions.db keeps the key a file name was made from"
                >
                  not known
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>File stem</dt>
            <dd>
              <code className="insp-selectable">{panels.stem}</code>
            </dd>
          </div>
        </dl>
      </div>

      <div className="insp-columns">
        <Section title="Storage">
          <Properties
            label="Storage"
            items={[
              [
                'Kept in',
                sqlite ? (
                  <span>
                    rows of <code>sessions.db</code>
                  </span>
                ) : (
                  <code>{panels.stem}.jsonl</code>
                ),
              ],
              ['Messages', <span className="insp-number">{panels.messageCount.toLocaleString()}</span>],
              [
                'Unreadable lines',
                panels.unreadableLines > 0 ? (
                  <span className="insp-unreadable">
                    <span className="insp-number">{counted(panels.unreadableLines, 'line')}</span>
                    <button
                      type="button"
                      className="insp-link-button"
                      onClick={() => void viewUnreadable(summary)}
                    >
                      View raw
                    </button>
                  </span>
                ) : (
                  <span className="insp-dim">none</span>
                ),
              ],
              ['Size on disk', formatBytes(summary.sizeBytes)],
            ]}
          />
        </Section>
        <Section title="Activity">
          <Properties
            label="Activity"
            items={[
              ['Created', <When iso={panels.createdAt} />],
              ['Last activity', <When iso={panels.lastActivity} />],
              ...runStateProperties(summary),
            ]}
          />
        </Section>
      </div>

      <Section title="sessions.db metadata" count={columns.length}>
        {panels.metadataRow ? (
          <div className="insp-card insp-table-wrap">
            <table className="insp-table insp-metadata" aria-label="session_metadata row">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {columns.map((column) => (
                  <tr key={column}>
                    <th scope="row">
                      <code>{column}</code>
                    </th>
                    <td>
                      <JsonValue value={panels.metadataRow?.[column] ?? null} label={`Column ${column}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState icon={TableProperties} title="No row in sessions.db" compact>
            ZeroClaw keeps names and run states in <code>sessions.db</code> beside the files; this session has
            none there.
          </EmptyState>
        )}
      </Section>
    </section>
  );
}

/**
 * The panel's key is set only where it differs from the stem; a sessions.db row still tells that
 * the stem is the key itself, rather than a lossy copy of one nobody recorded.
 */
function originalKey(panels: ZeroclawPanels): string | null {
  const recorded = panels.metadataRow?.session_key;
  return panels.key ?? (typeof recorded === 'string' ? recorded : null);
}
