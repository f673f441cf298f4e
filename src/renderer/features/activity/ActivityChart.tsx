import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { counted } from '../../lib/words';
import { compactCount, dayLabel } from '../charts/format';
import { axisProps, colors, gridProps, tooltipProps } from '../charts/theme';
import type { ActivitySeries } from './series';
import { busiest } from './series';

/**
 * Turns as bars and sessions as a line on an axis of its own: a day has a handful of sessions and
 * hundreds of turns, and on one axis the sessions would lie flat along the bottom.
 */
export function ActivityChart({ series }: { series: ActivitySeries }) {
  const { bars, unit } = series;
  return (
    <div className="chart-box">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart
          data={bars}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          role="img"
          title={activitySummary(series)}
          accessibilityLayer={false}
        >
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis
            dataKey="day"
            {...axisProps}
            tickFormatter={(day: string) => dayLabel(day)}
            minTickGap={24}
          />
          <YAxis
            yAxisId="turns"
            {...axisProps}
            allowDecimals={false}
            tickFormatter={compactCount}
            width={44}
          />
          <YAxis
            yAxisId="sessions"
            orientation="right"
            {...axisProps}
            allowDecimals={false}
            tickFormatter={compactCount}
            width={36}
          />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(day) =>
              unit === 'week' ? `Week of ${dayLabel(String(day), true)}` : dayLabel(String(day), true)
            }
          />
          <Legend wrapperStyle={{ fontSize: 12, color: colors.muted }} iconSize={10} />
          <Bar
            yAxisId="turns"
            dataKey="turns"
            name="Turns"
            fill={colors.accent}
            radius={[3, 3, 0, 0]}
            maxBarSize={28}
            isAnimationActive={false}
          />
          <Line
            yAxisId="sessions"
            dataKey="sessions"
            name="Sessions"
            type="monotone"
            stroke={colors.assistant}
            strokeWidth={2}
            dot={bars.length <= 45 ? { r: 2.5, fill: colors.assistant, strokeWidth: 0 } : false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** What the chart shows, in a sentence: its accessible name. */
export function activitySummary({ bars, unit }: ActivitySeries): string {
  const first = bars[0];
  const last = bars.at(-1);
  const turns = bars.reduce((sum, bar) => sum + bar.turns, 0);
  const sessions = bars.reduce((sum, bar) => sum + bar.sessions, 0);
  const top = busiest(bars);
  const span = first && last ? ` from ${dayLabel(first.day, true)} to ${dayLabel(last.day, true)}` : '';
  const peak = top ? `; busiest ${unit} ${dayLabel(top.day, true)} with ${counted(top.turns, 'turn')}` : '';
  return `Sessions and turns per ${unit}${span}: ${counted(sessions, 'session')}, ${counted(turns, 'turn')}${peak}`;
}
