import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimelineRow } from '../../../../shared/stats';
import { counted } from '../../../lib/words';
import { shortDuration } from '../../charts/format';
import { axisProps, colors, gridProps, roleColor, tooltipProps } from '../../charts/theme';
import { timeTicks } from './waterfall';
import type { Waterfall as WaterfallData, WaterfallBar } from './waterfall';

/** Up to this many rows each has its label on the axis; past it the bars are too thin to name. */
const LABELLED_ROWS = 48;

function rowHeight(rows: number): number {
  if (rows <= LABELLED_ROWS) return 22;
  return Math.max(3, Math.min(12, Math.floor(720 / rows)));
}

/** A bar's colour: a turn by its role, a call by how it went, a span by whether any call in it failed. */
export function barColor(row: TimelineRow): string {
  switch (row.kind) {
    case 'turn':
      return roleColor(row.role);
    case 'tool':
      return row.failed > 0 ? colors.danger : colors.ok;
    case 'span':
      return row.failed > 0 ? colors.danger : colors.accent;
  }
}

/** Turns and tool calls as bars along the session's time, one row each, top to bottom in order. */
export function Waterfall({ data, summary }: { data: WaterfallData; summary: string }) {
  const labelled = data.bars.length <= LABELLED_ROWS;
  const height = data.bars.length * rowHeight(data.bars.length) + 36;
  const ticks = timeTicks(data.span);
  return (
    <div className="chart-box timeline-scroll">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data.bars}
          layout="vertical"
          margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
          barCategoryGap={labelled ? 4 : 0}
          role="img"
          title={summary}
          accessibilityLayer={false}
        >
          <CartesianGrid {...gridProps} horizontal={false} />
          <XAxis
            type="number"
            ticks={ticks}
            domain={[0, ticks.at(-1) ?? 1]}
            orientation="top"
            {...axisProps}
            tickFormatter={(ms: number) => shortDuration(ms)}
          />
          <YAxis
            type="category"
            dataKey="key"
            {...axisProps}
            width={labelled ? 104 : 8}
            interval={0}
            tick={labelled ? axisProps.tick : false}
            tickFormatter={(key: number) => shortLabel(data.bars[key]?.label ?? '')}
          />
          <Tooltip
            {...tooltipProps}
            content={(props) => <RowTip active={props.active} payload={props.payload} origin={data.origin} />}
          />
          <Bar dataKey="range" name="Time" isAnimationActive={false} minPointSize={2}>
            {data.bars.map((bar) => (
              <Cell
                key={bar.key}
                fill={barColor(bar.row)}
                fillOpacity={bar.row.kind === 'turn' ? 0.55 : 1}
                stroke={bar.row.failed > 0 && bar.row.kind !== 'turn' ? colors.danger : undefined}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function shortLabel(label: string): string {
  return label.length > 16 ? `${label.slice(0, 15)}…` : label;
}

const clock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function RowTip({
  active,
  payload,
  origin,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  origin: number;
}) {
  const bar = payload?.[0]?.payload as WaterfallBar | undefined;
  if (!active || !bar) return null;
  const { row } = bar;
  const title =
    row.kind === 'tool'
      ? `${row.tool ?? 'tool'} · turn ${row.turn + 1}`
      : row.kind === 'span'
        ? `Turns ${row.turn + 1}–${row.lastTurn + 1}`
        : `Turn ${row.turn + 1} · ${row.role ?? ''}`;
  return (
    <div className="timeline-tip" style={tooltipProps.contentStyle}>
      <p className="timeline-tip-title">{title}</p>
      <p>{clock.format(new Date(origin + bar.range[0]))}</p>
      <p>
        {row.kind === 'tool' ? 'Took' : 'Lasted'} {shortDuration(bar.durationMs)}
      </p>
      {row.kind !== 'tool' && row.calls > 0 && <p>{counted(row.calls, 'tool call')}</p>}
      {row.failed > 0 && (
        <p className="chart-failed">
          {row.kind === 'tool' ? 'Failed' : `${row.failed.toLocaleString()} failed`}
        </p>
      )}
    </div>
  );
}
