import { AlertTriangle, ChartGantt, Coins, LoaderCircle } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { SessionDetail } from '../../../../shared/model';
import { TIMELINE_CAP } from '../../../../shared/stats';
import type { SessionStats } from '../../../../shared/stats';
import { client } from '../../../api';
import { counted } from '../../../lib/words';
import type { Loadable } from '../../../store/loadable';
import { failed, loading, ready } from '../../../store/loadable';
import { messageOf } from '../../../store/messages';
import { ChartEmpty } from '../../charts/ChartEmpty';
import { shortDuration } from '../../charts/format';
import { colors, roleColor } from '../../charts/theme';
import { TokenChart } from './TokenChart';
import { Waterfall } from './Waterfall';
import { timelineSummary, waterfallOf } from './waterfall';

/**
 * The session's turns and tool calls along its time, and its token use where the format records
 * it. The figures come from one bounded call that reads the session in the core, so a session of
 * 50,000 turns costs the page no more than a short one.
 */
/** Says the bars are spans, and why: the session has more rows than are ever drawn. */
function spanNote(turns: number, calls: number, spanTurns: number): string {
  const each = spanTurns === 1 ? 'one turn with its calls' : `a span of ${counted(spanTurns, 'turn')}`;
  return `${counted(turns, 'turn')} and ${counted(calls, 'tool call')} are more than the ${TIMELINE_CAP.toLocaleString()} rows drawn at most: each bar is ${each}.`;
}

export function TimelinePanel({ detail }: { detail: SessionDetail }) {
  const { ref, updatedAt, turnCount, sizeBytes } = detail.summary;
  const stats = useSessionStats(ref, `${updatedAt}|${turnCount}|${sizeBytes}`);
  return (
    <section className="inspector timeline" aria-label="Timeline">
      {stats.status === 'loading' && (
        <p className="chart-loading muted" aria-busy="true">
          <LoaderCircle size={16} className="chart-spin" aria-hidden="true" /> Reading the session’s timeline…
        </p>
      )}
      {stats.status === 'error' && (
        <p className="notice danger" role="alert">
          <AlertTriangle size={14} aria-hidden="true" /> {stats.message}
        </p>
      )}
      {stats.status === 'ready' && <Figures stats={stats.value} />}
    </section>
  );
}

function useSessionStats(ref: SessionDetail['summary']['ref'], version: string): Loadable<SessionStats> {
  const [stats, setStats] = useState<{ key: string; value: Loadable<SessionStats> }>({
    key: '',
    value: loading,
  });
  const session = `${ref.root}/${ref.id}`;
  useEffect(() => {
    let live = true;
    client
      .call('session.stats', { ref: { root: ref.root, id: ref.id } })
      .then((value) => live && setStats({ key: session, value: ready(value) }))
      .catch((error: unknown) => live && setStats({ key: session, value: failed(messageOf(error)) }));
    return () => {
      live = false;
    };
  }, [ref.root, ref.id, session, version]);
  // Another session's figures are never shown while this one's load; this one's stay while they refresh.
  return stats.key === session ? stats.value : loading;
}

function Figures({ stats }: { stats: SessionStats }) {
  const waterfall = useMemo(() => waterfallOf(stats.rows), [stats.rows]);
  const summary = timelineSummary(stats, waterfall);
  return (
    <>
      <dl className="timeline-totals" aria-label="Session totals">
        <div>
          <dt>Turns</dt>
          <dd>{stats.turns.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Tool calls</dt>
          <dd>{stats.toolCalls.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd className={stats.failedCalls > 0 ? 'chart-failed' : undefined}>
            {stats.failedCalls.toLocaleString()}
          </dd>
        </div>
        {waterfall.span > 0 && (
          <div>
            <dt>Duration</dt>
            <dd>{shortDuration(waterfall.span)}</dd>
          </div>
        )}
      </dl>
      <section className="chart-section" aria-labelledby="timeline-waterfall">
        <h3 id="timeline-waterfall">Turns and tool calls</h3>
        {stats.turns === 0 ? (
          <ChartEmpty icon={ChartGantt} title="No turns yet">
            The timeline fills in as the agent writes.
          </ChartEmpty>
        ) : waterfall.bars.length === 0 ? (
          <ChartEmpty icon={ChartGantt} title="No times recorded">
            This session’s format keeps no time per turn, so there is no timeline to draw: it has{' '}
            {counted(stats.turns, 'turn')} and {counted(stats.toolCalls, 'tool call')}.
          </ChartEmpty>
        ) : (
          <>
            <Legend spans={stats.spanTurns !== null} />
            {stats.spanTurns !== null && (
              <p className="chart-note" role="note">
                {spanNote(stats.turns, stats.toolCalls, stats.spanTurns)}
              </p>
            )}
            {stats.timedTurns < stats.turns && (
              <p className="muted small">
                {counted(stats.turns - stats.timedTurns, 'turn')} without a recorded time are left out.
              </p>
            )}
            <Waterfall data={waterfall} summary={summary} />
          </>
        )}
      </section>
      <section className="chart-section" aria-labelledby="timeline-tokens">
        <h3 id="timeline-tokens">Token use</h3>
        {stats.tokens ? (
          <TokenChart tokens={stats.tokens} origin={waterfall.bars.length > 0 ? waterfall.origin : null} />
        ) : (
          <ChartEmpty icon={Coins} title="No token use recorded">
            Only yoi logs record the tokens of each request; ORCS and ZeroClaw keep none.
          </ChartEmpty>
        )}
      </section>
    </>
  );
}

function Legend({ spans }: { spans: boolean }) {
  const items = spans
    ? [
        { label: 'Turns and their calls', color: colors.accent },
        { label: 'With a failed call', color: colors.danger },
      ]
    : [
        { label: 'User turn', color: roleColor('user') },
        { label: 'Assistant turn', color: roleColor('assistant') },
        { label: 'System turn', color: roleColor('system') },
        { label: 'Tool call', color: colors.ok },
        { label: 'Failed', color: colors.danger },
      ];
  return (
    <ul className="chart-legend" aria-label="Colours">
      {items.map((item) => (
        <li key={item.label}>
          <span className="chart-swatch" style={{ background: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
