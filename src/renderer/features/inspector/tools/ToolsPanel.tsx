import { LoaderCircle, Wrench } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { formatDuration } from '../../../lib/time';
import { messageOf } from '../../../store/messages';
import { useAppStore } from '../../../store/store';
import { Bar } from '../Bar';
import { EmptyState } from '../EmptyState';
import { Section } from '../Section';
import { formatPercent } from '../percent';
import { summariseTools } from './tool-summary';
import type { ToolSummary } from './tool-summary';

/**
 * Turns arrive in pages of 200 for the conversation. The summary is only honest over all of
 * them, so it fetches the rest itself, page by page through the store (the conversation shares
 * them, so nothing is fetched twice), when the session is of a size where that is cheap: ORCS
 * compacts past `max_turns` (1000 by default), so real histories are a few pages. Past this
 * many turns it would pull much of a multi-GB session into memory for one table, so instead it
 * summarises the turns already read and says so.
 */
const loadAllUpTo = 5_000;

export function ToolsPanel() {
  const turns = useAppStore((state) => state.turns);
  const total = useAppStore((state) => state.turnsTotal);
  const loadMoreTurns = useAppStore((state) => state.loadMoreTurns);
  const [loadError, setLoadError] = useState<string | null>(null);
  const summary = useMemo(() => summariseTools(turns), [turns]);
  const complete = turns.length >= total;
  const loading = !complete && total <= loadAllUpTo && loadError === null;

  useEffect(() => {
    if (!loading) return;
    loadMoreTurns().catch((error: unknown) => setLoadError(messageOf(error)));
  }, [loading, turns.length, loadMoreTurns]);

  return (
    <section className="inspector" aria-label="Tool calls summary">
      <Coverage loaded={turns.length} total={total} loading={loading} error={loadError} />
      {summary.tools.length === 0 ? (
        loading ? null : (
          <EmptyState icon={Wrench} title={complete ? 'No tool calls in this session' : 'No tool calls yet'}>
            {complete
              ? 'The agent answered without running any tools.'
              : 'None of the turns read so far ran a tool.'}
          </EmptyState>
        )
      ) : (
        <>
          <Totals summary={summary} />
          <Section title="By tool" count={summary.tools.length}>
            <ToolTable summary={summary} />
          </Section>
        </>
      )}
    </section>
  );
}

function Coverage({
  loaded,
  total,
  loading,
  error,
}: {
  loaded: number;
  total: number;
  loading: boolean;
  error: string | null;
}) {
  if (total === 0) return null;
  if (loaded >= total) {
    return (
      <p className="insp-caption">
        Across all {total.toLocaleString()} {total === 1 ? 'turn' : 'turns'}
      </p>
    );
  }
  return (
    <p className="insp-caption partial" role="status">
      {loading && <LoaderCircle size={13} className="insp-spin" aria-hidden="true" />}
      Based on {loaded.toLocaleString()} of {total.toLocaleString()} turns
      {loading && ' — reading the rest…'}
      {error && ` — the rest could not be read: ${error}`}
      {!loading && !error && ' — a session this long is summarised from the turns read so far.'}
    </p>
  );
}

function Totals({ summary }: { summary: ToolSummary }) {
  const slowest = summary.tools.find((tool) => tool.slowestMs === summary.slowestMs);
  const stats: [label: string, value: string, detail: string | null, tone?: 'danger'][] = [
    [
      'Calls',
      summary.calls.toLocaleString(),
      `${summary.tools.length} ${summary.tools.length === 1 ? 'tool' : 'tools'}`,
    ],
    [
      'Failed',
      summary.failures.toLocaleString(),
      summary.calls > 0 ? `${formatPercent(summary.failures / summary.calls)} of calls` : null,
      summary.failures > 0 ? 'danger' : undefined,
    ],
    ['Time in tools', formatDuration(summary.totalMs), null],
    [
      'Slowest call',
      summary.slowestMs === null ? '—' : formatDuration(summary.slowestMs),
      slowest ? slowest.name : null,
    ],
  ];
  return (
    <dl className="insp-stats" aria-label="Totals">
      {stats.map(([label, value, detail, tone]) => (
        <div key={label} className={`insp-stat${tone ? ` ${tone}` : ''}`}>
          <dt>{label}</dt>
          <dd>
            <span className="insp-stat-value">{value}</span>
            {detail && <span className="insp-stat-detail">{detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ToolTable({ summary }: { summary: ToolSummary }) {
  return (
    // A table wider than the pane scrolls sideways, which the keyboard can do once it can focus it.
    <div className="insp-card insp-table-wrap" tabIndex={0} role="region" aria-label="Tools, scrollable">
      <table className="insp-table insp-tools" aria-label="Tools">
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col" className="num">
              Total time
            </th>
            <th scope="col" className="num">
              Slowest
            </th>
            <th scope="col" className="share">
              Share of time
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.tools.map((tool) => (
            <tr key={tool.name}>
              <th scope="row">
                <code className="insp-tool-name">{tool.name}</code>
              </th>
              <td className="num">{tool.calls.toLocaleString()}</td>
              <td className={`num${tool.failures > 0 ? ' insp-failed' : ' insp-dim'}`}>
                {tool.failures.toLocaleString()}
              </td>
              <td className="num">{tool.timedCalls > 0 ? formatDuration(tool.totalMs) : '—'}</td>
              <td className="num">{tool.slowestMs === null ? '—' : formatDuration(tool.slowestMs)}</td>
              <td className="share">
                <span className="insp-share">
                  <Bar fraction={tool.share} />
                  <span className="insp-share-number">{formatPercent(tool.share)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
