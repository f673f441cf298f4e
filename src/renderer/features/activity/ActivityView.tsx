import { AlertTriangle, ChartColumn, LoaderCircle, Wrench, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import { activityRanges } from '../../../shared/stats';
import type { LibraryStats } from '../../../shared/stats';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { ChartEmpty } from '../charts/ChartEmpty';
import '../charts/charts.css';
import { formatPercent } from '../inspector/percent';
import { ActivityChart } from './ActivityChart';
import './activity.css';
import { activitySeries } from './series';
import { ToolUsage } from './ToolUsage';
import { useLibraryStats } from './useLibraryStats';

type Range = (typeof activityRanges)[number] | null;

const rangeLabel = (range: Range) => (range === null ? 'All time' : `${range} days`);
const rangeWords = (range: Range) => (range === null ? 'any time' : `the last ${range} days`);

/** The library at a glance: how much the agents worked, day by day, and with which tools. */
export function ActivityView() {
  const showView = useAppStore((state) => state.showView);
  const [range, setRange] = useState<Range>(30);
  const stats = useLibraryStats(range);

  return (
    <main className="place-view activity-view" aria-label="Activity">
      <header className="place-header">
        <div className="place-title-line">
          <h2>Activity</h2>
          <button
            type="button"
            className="icon"
            aria-label="Close Activity"
            onClick={() => showView('session')}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
        <div className="activity-controls">
          <p className="muted">Sessions, turns and tool calls across the library, from the search index.</p>
          <div className="segmented" role="group" aria-label="Range">
            {[...activityRanges, null].map((choice) => (
              <button
                key={rangeLabel(choice)}
                type="button"
                aria-pressed={range === choice}
                onClick={() => setRange(choice)}
              >
                {rangeLabel(choice)}
              </button>
            ))}
          </div>
        </div>
      </header>
      <div className="place-body activity-body">
        {stats.status === 'loading' && (
          <p className="chart-loading muted" aria-busy="true">
            <LoaderCircle size={16} className="chart-spin" aria-hidden="true" /> Reading the index…
          </p>
        )}
        {stats.status === 'error' && (
          <p className="notice danger" role="alert">
            <AlertTriangle size={14} aria-hidden="true" /> {stats.message}
          </p>
        )}
        {stats.status === 'ready' && (
          <Figures stats={stats.value} range={range} onAllTime={() => setRange(null)} />
        )}
      </div>
    </main>
  );
}

function Figures({ stats, range, onAllTime }: { stats: LibraryStats; range: Range; onAllTime(): void }) {
  const series = useMemo(() => activitySeries(stats), [stats]);
  const { totals } = stats;
  const active = totals.sessions > 0 || totals.turns > 0 || totals.toolCalls > 0;
  return (
    <div className="activity-figures">
      {stats.indexing && (
        <p className="chart-note" role="status">
          <LoaderCircle size={14} className="chart-spin" aria-hidden="true" /> Still indexing: the figures
          grow as sessions are read.
        </p>
      )}
      <dl className="activity-totals" aria-label="Totals">
        <Total label="Sessions" value={totals.sessions} />
        <Total label="Turns" value={totals.turns} />
        <Total label="Tool calls" value={totals.toolCalls} />
        <Total
          label="Failed calls"
          value={totals.failedCalls}
          note={totals.toolCalls > 0 ? formatPercent(totals.failedCalls / totals.toolCalls) : undefined}
        />
      </dl>
      <section className="chart-section" aria-labelledby="activity-days">
        <h3 id="activity-days">Sessions and turns per {series.unit}</h3>
        {series.bars.some((bar) => bar.turns > 0 || bar.sessions > 0) ? (
          <ActivityChart series={series} />
        ) : (
          <ChartEmpty icon={ChartColumn} title={`No sessions or turns in ${rangeWords(range)}`}>
            {range !== null ? (
              <>
                Nothing was written in this range.{' '}
                <button type="button" className="link" onClick={onAllTime}>
                  Show all time
                </button>
              </>
            ) : active ? (
              'None of these sessions records when its turns were written.'
            ) : (
              'Sessions appear here once the index has read them.'
            )}
          </ChartEmpty>
        )}
        {stats.undated && stats.undated.turns + stats.undated.sessions > 0 && (
          <p className="muted small">
            {counted(stats.undated.turns, 'turn')} and {counted(stats.undated.sessions, 'session')} have no
            recorded time (ZeroClaw keeps none per message): they count in the totals, not in any day.
          </p>
        )}
      </section>
      <section className="chart-section" aria-labelledby="activity-tools">
        <h3 id="activity-tools">Tool calls by tool</h3>
        {stats.tools.length > 0 ? (
          <ToolUsage
            tools={stats.tools}
            total={stats.toolsTotal}
            calls={totals.toolCalls}
            failed={totals.failedCalls}
          />
        ) : (
          <ChartEmpty icon={Wrench} title={`No tool calls in ${rangeWords(range)}`}>
            Tool calls show here with how often they failed and how long they took, where the format records
            it.
          </ChartEmpty>
        )}
      </section>
    </div>
  );
}

function Total({ label, value, note }: { label: string; value: number; note?: string }) {
  return (
    <div className="activity-total">
      <dt>{label}</dt>
      <dd>
        {value.toLocaleString()}
        {note && <span className="muted small"> {note}</span>}
      </dd>
    </div>
  );
}
