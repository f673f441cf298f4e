import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SessionTokens } from '../../../../shared/stats';
import { counted } from '../../../lib/words';
import { compactCount, shortDuration } from '../../charts/format';
import { axisProps, colors, gridProps, tooltipProps } from '../../charts/theme';
import { timeTicks } from './waterfall';

/** Bottom to top, as the yoi usage panel stacks a request. */
const parts = [
  { key: 'input', label: 'Input (uncached)', color: colors.user },
  { key: 'cacheRead', label: 'Cache read', color: colors.userPale },
  { key: 'cacheWrite', label: 'Cache write', color: colors.system },
  { key: 'output', label: 'Output', color: colors.assistant },
] as const;

/** Up to this many requests each is a bar; more read better as areas along the session's time. */
const BAR_REQUESTS = 80;

/** Tokens per request through the session, stacked by kind. */
export function TokenChart({ tokens, origin }: { tokens: SessionTokens; origin: number | null }) {
  const start = origin ?? Date.parse(tokens.points[0]?.time ?? '');
  const data = tokens.points.map((point) => ({ ...point, at: Date.parse(point.time) - start }));
  const asBars = data.length <= BAR_REQUESTS;
  const span = Math.max(0, ...data.map((point) => point.at));
  const ticks = timeTicks(span);
  return (
    <>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height={200}>
          <ComposedChart
            data={data}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            role="img"
            title={tokenSummary(tokens)}
            accessibilityLayer={false}
          >
            <CartesianGrid {...gridProps} vertical={false} />
            {asBars ? (
              <XAxis
                dataKey="at"
                {...axisProps}
                tickFormatter={(ms: number) => shortDuration(ms)}
                minTickGap={16}
              />
            ) : (
              <XAxis
                type="number"
                dataKey="at"
                ticks={ticks}
                domain={[0, ticks.at(-1) ?? 1]}
                {...axisProps}
                tickFormatter={(ms: number) => shortDuration(ms)}
              />
            )}
            <YAxis {...axisProps} tickFormatter={compactCount} width={44} />
            <Tooltip {...tooltipProps} labelFormatter={(ms) => `${shortDuration(Number(ms))} in`} />
            {parts.map((part, i) =>
              asBars ? (
                <Bar
                  key={part.key}
                  dataKey={part.key}
                  name={part.label}
                  stackId="tokens"
                  fill={part.color}
                  maxBarSize={32}
                  radius={i === parts.length - 1 ? [3, 3, 0, 0] : 0}
                  isAnimationActive={false}
                />
              ) : (
                <Area
                  key={part.key}
                  dataKey={part.key}
                  name={part.label}
                  stackId="tokens"
                  type="stepAfter"
                  stroke={part.color}
                  fill={part.color}
                  fillOpacity={0.55}
                  isAnimationActive={false}
                />
              ),
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className="chart-legend" aria-label="Token totals">
        {parts.map((part) => (
          <li key={part.key}>
            <span className="chart-swatch" style={{ background: part.color }} aria-hidden="true" />
            {part.label} {tokens.totals[part.key].toLocaleString()}
          </li>
        ))}
      </ul>
      {tokens.requests > tokens.points.length && (
        <p className="muted small">
          The newest {tokens.points.length.toLocaleString()} of {counted(tokens.requests, 'request')} are
          drawn; the totals count them all.
        </p>
      )}
    </>
  );
}

export function tokenSummary(tokens: SessionTokens): string {
  const { input, cacheRead, cacheWrite, output } = tokens.totals;
  return `Token use over ${counted(tokens.requests, 'request')}: ${(input + cacheRead + cacheWrite).toLocaleString()} input (${cacheRead.toLocaleString()} from cache), ${output.toLocaleString()} output`;
}
