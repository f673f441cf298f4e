import { Boxes, Clock, KeyRound, ShieldCheck } from 'lucide-react';
import type { OrcsComponentSnapshot, OrcsGrant } from '../../../../shared/panels/orcs';
import { JsonTree } from '../../../components/JsonTree';
import { EmptyState } from '../EmptyState';
import { Section } from '../Section';

/** The state components saved into the session, and the shell commands the user allowed. */
export function ComponentsPanel({
  snapshots,
  grants,
}: {
  snapshots: OrcsComponentSnapshot[];
  grants: OrcsGrant[];
}) {
  // Both come from a HashMap (random order on disk); the FQN gives a stable, readable order.
  const sorted = [...snapshots].sort((a, b) => a.componentFqn.localeCompare(b.componentFqn));
  return (
    <section className="inspector" aria-label="Components">
      <Section title="Component snapshots" count={snapshots.length}>
        {sorted.length > 0 ? (
          <div className="insp-stack">
            {sorted.map((snapshot) => (
              <SnapshotCard key={snapshot.key} snapshot={snapshot} />
            ))}
          </div>
        ) : (
          <EmptyState icon={Boxes} title="No component snapshots" compact>
            Components save their state here when ORCS saves the session.
          </EmptyState>
        )}
      </Section>
      <Section title="Granted commands" count={grants.length}>
        {grants.length > 0 ? (
          <GrantTable grants={grants} />
        ) : (
          <EmptyState icon={KeyRound} title="No commands granted" compact />
        )}
      </Section>
    </section>
  );
}

function SnapshotCard({ snapshot }: { snapshot: OrcsComponentSnapshot }) {
  const { namespace, name } = splitFqn(snapshot.componentFqn);
  const metadataKeys = Object.keys(snapshot.metadata);
  return (
    <article className="insp-card" aria-label={`Component ${snapshot.componentFqn}`}>
      <header className="insp-card-header">
        <Boxes size={15} aria-hidden="true" className="insp-dim" />
        <code className="insp-fqn">
          {namespace && <span className="insp-dim">{namespace}::</span>}
          <strong>{name}</strong>
        </code>
        {snapshot.key !== snapshot.componentFqn && (
          <span className="insp-dim small">
            saved as <code>{snapshot.key}</code>
          </span>
        )}
        <span className="badge insp-neutral insp-version" title="Snapshot format version">
          v{snapshot.version}
        </span>
      </header>
      <div className="insp-snapshot-body">
        <div className="insp-skill-block">
          <h5>State</h5>
          <JsonTree value={snapshot.state} label={`State of ${snapshot.componentFqn}`} />
        </div>
        <div className="insp-skill-block">
          <h5>Metadata</h5>
          {metadataKeys.length > 0 ? (
            <JsonTree value={snapshot.metadata} label={`Metadata of ${snapshot.componentFqn}`} />
          ) : (
            <p className="insp-dim">No metadata.</p>
          )}
        </div>
      </div>
    </article>
  );
}

/** "orcs::hil::Hil" → namespace "orcs::hil", name "Hil"; the name is what people scan for. */
function splitFqn(fqn: string): { namespace: string; name: string } {
  const at = fqn.lastIndexOf('::');
  return at < 0 ? { namespace: '', name: fqn } : { namespace: fqn.slice(0, at), name: fqn.slice(at + 2) };
}

const grantKinds: Record<string, { label: string; title: string; className: string }> = {
  Persistent: {
    label: 'Persistent',
    title: 'Allowed every time; kept with the session',
    className: 'insp-persistent',
  },
  OneTime: { label: 'One-time', title: 'Allowed for a single use', className: 'insp-onetime' },
};

function GrantTable({ grants }: { grants: OrcsGrant[] }) {
  return (
    // A table wider than the pane scrolls sideways, which the keyboard can do once it can focus it.
    <div
      className="insp-card insp-table-wrap"
      tabIndex={0}
      role="region"
      aria-label="Granted commands, scrollable"
    >
      <table className="insp-table" aria-label="Granted commands">
        <thead>
          <tr>
            <th scope="col" className="kind">
              Kind
            </th>
            <th scope="col">Pattern</th>
          </tr>
        </thead>
        <tbody>
          {grants.map((grant, index) => {
            const kind = grantKinds[grant.kind];
            const Icon = grant.kind === 'OneTime' ? Clock : ShieldCheck;
            return (
              <tr key={`${index}:${grant.pattern}`}>
                <td className="kind">
                  <span className={`badge ${kind?.className ?? 'insp-neutral'}`} title={kind?.title}>
                    <Icon size={12} aria-hidden="true" />
                    {kind?.label ?? grant.kind}
                  </span>
                </td>
                <td>
                  <code className="insp-pattern">{grant.pattern}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
