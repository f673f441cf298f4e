import { GitBranch, Hash, Shrink } from 'lucide-react';
import type { YoiOrigin, YoiPanels } from '../../../../shared/panels/yoi';
import { LongText } from '../../../components/LongText';
import { counted } from '../../../lib/words';
import { useAppStore } from '../../../store/store';
import { EmptyState } from '../EmptyState';
import { Properties } from '../Properties';
import { Section } from '../Section';
import type { DetailOf } from '../tabs';
import { ChainBadge } from './ChainBadge';

/** What `restore` rebuilds of a yoi session: prompt, config, turn count, head and origins. */
export function SessionPanel({ detail }: { detail: DetailOf<YoiPanels> }) {
  const { panels, summary } = detail;
  const { config } = panels;
  return (
    <section className="inspector" aria-label="Session facts">
      <div className="insp-card insp-head">
        <span className="insp-head-icon" aria-hidden="true">
          <Hash size={18} strokeWidth={1.75} />
        </span>
        <dl className="insp-head-main insp-identity">
          <div>
            <dt>Session id</dt>
            <dd>
              <code className="insp-selectable">{panels.sessionId}</code>
            </dd>
          </div>
          <div>
            <dt>Head hash</dt>
            <dd>
              {panels.headHash ? (
                <code className="insp-selectable yoi-hash">{panels.headHash}</code>
              ) : (
                <span className="insp-not-set">empty log</span>
              )}{' '}
              <ChainBadge chain={summary.health.chain} />
            </dd>
          </div>
        </dl>
      </div>

      <div className="insp-columns">
        <Section title="State">
          <Properties
            label="State"
            items={[
              ['Turns', <span className="insp-number">{panels.turnCount.toLocaleString()}</span>],
              ['History items', <span className="insp-number">{panels.historyItems.toLocaleString()}</span>],
              [
                'Last run',
                panels.lastRunInterrupted ? (
                  <span className="badge danger">interrupted</span>
                ) : (
                  <span className="insp-dim">not interrupted</span>
                ),
              ],
              ['Runs', <span className="insp-number">{panels.runs.total.toLocaleString()}</span>],
              [
                'Unknown entries',
                panels.unknownEntries > 0 ? (
                  counted(panels.unknownEntries, 'entry')
                ) : (
                  <span className="insp-dim">none</span>
                ),
              ],
            ]}
          />
        </Section>
        <Section title="Request config">
          <Properties
            label="Request config"
            items={[
              ['Max tokens', numberOrNull(config.max_tokens)],
              ['Temperature', numberOrNull(config.temperature)],
              ['Top p', numberOrNull(config.top_p)],
              ['Top k', numberOrNull(config.top_k)],
              [
                'Stop sequences',
                config.stop_sequences.length > 0 ? (
                  <span className="yoi-stops">
                    {config.stop_sequences.map((stop, index) => (
                      <code key={index}>{JSON.stringify(stop)}</code>
                    ))}
                  </span>
                ) : null,
              ],
              [
                'Reasoning',
                config.reasoning === null
                  ? null
                  : typeof config.reasoning === 'number'
                    ? `${config.reasoning.toLocaleString()} tokens`
                    : config.reasoning,
              ],
              ['Config changes', <span className="insp-number">{panels.configChanges.total}</span>],
            ]}
          />
        </Section>
      </div>

      <Section title="Origin">
        {panels.forkedFrom || panels.compactedFrom ? (
          <div className="insp-card yoi-origins">
            {panels.forkedFrom && (
              <Origin kind="Forked from" origin={panels.forkedFrom} root={summary.ref.root} />
            )}
            {panels.compactedFrom && (
              <Origin kind="Compacted from" origin={panels.compactedFrom} root={summary.ref.root} />
            )}
          </div>
        ) : (
          <EmptyState icon={GitBranch} title="An original session" compact>
            Not forked or compacted from another session.
          </EmptyState>
        )}
      </Section>

      <Section title="System prompt">
        {panels.systemPrompt ? (
          <div className="insp-card yoi-prompt">
            <LongText text={panels.systemPrompt} />
          </div>
        ) : (
          <EmptyState icon={Shrink} title="No system prompt" compact>
            The session started without one.
          </EmptyState>
        )}
      </Section>
    </section>
  );
}

function numberOrNull(value: number | null) {
  return value === null ? null : <span className="insp-number">{value.toLocaleString()}</span>;
}

function Origin({ kind, origin, root }: { kind: string; origin: YoiOrigin; root: string }) {
  const showEntry = useAppStore((state) => state.showEntry);
  return (
    <div className="yoi-origin">
      <span className="insp-dim">{kind}</span>
      <button
        type="button"
        className="insp-link-button"
        aria-label={`Open session ${origin.sessionId}`}
        onClick={() => void showEntry({ root, id: origin.sessionId }, { hash: origin.atHash, line: null })}
      >
        <code>{origin.sessionId}</code>
      </button>
      <span className="insp-dim">at</span>
      <code title={origin.atHash}>{origin.atHash.slice(0, 12)}</code>
    </div>
  );
}
