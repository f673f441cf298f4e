import { Activity } from 'lucide-react';
import type { YoiPanels } from '../../../../shared/panels/yoi';
import { absoluteTime } from '../../../lib/time';
import { EmptyState } from '../EmptyState';
import { Properties } from '../Properties';
import { Section } from '../Section';
import type { DetailOf } from '../tabs';
import { When } from '../When';

/** The debug `.trace.jsonl` beside the log: how many events of each kind, and the events. */
export function TracePanel({ detail }: { detail: DetailOf<YoiPanels> }) {
  const { trace } = detail.panels;
  if (!trace) {
    return (
      <section className="inspector" aria-label="Trace">
        <EmptyState icon={Activity} title="No trace file">
          This session has no <code>.trace.jsonl</code> beside its log.
        </EmptyState>
      </section>
    );
  }
  const counts = Object.entries(trace.counts).sort((a, b) => b[1] - a[1]);
  return (
    <section className="inspector" aria-label="Trace">
      <div className="insp-columns">
        <Section title="File">
          <Properties
            label="Trace file"
            items={[
              ['Lines', <span className="insp-number">{trace.lines.toLocaleString()}</span>],
              [
                'Unreadable',
                trace.unreadableLines > 0 ? trace.unreadableLines : <span className="insp-dim">none</span>,
              ],
              ['First event', <When iso={trace.firstTime} />],
              ['Last event', <When iso={trace.lastTime} />],
            ]}
          />
        </Section>
        <Section title="Events by type" count={counts.length}>
          <ul className="insp-card yoi-counts" aria-label="Events by type">
            {counts.map(([type, count]) => (
              <li key={type}>
                <code>{type}</code>
                <span className="insp-number">{count.toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </Section>
      </div>
      <Section title="Events" count={trace.events.total}>
        <div className="insp-card insp-table-wrap">
          <table className="insp-table" aria-label="Trace events">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Time</th>
                <th scope="col">Turn</th>
                <th scope="col">Type</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {trace.events.items.map((event) => (
                <tr key={event.line}>
                  <td className="insp-number">{event.line}</td>
                  <td>{event.time ? absoluteTime(event.time) : <span className="insp-dim">—</span>}</td>
                  <td className="insp-number">{event.turn ?? <span className="insp-dim">—</span>}</td>
                  <td>
                    <code>{event.type}</code>
                  </td>
                  <td className="yoi-trace-detail">{event.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </section>
  );
}
