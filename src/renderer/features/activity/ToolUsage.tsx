import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ToolUsage as ToolRow } from '../../../shared/stats';
import { counted } from '../../lib/words';
import { formatDuration } from '../../lib/time';
import { compactCount } from '../charts/format';
import { axisProps, colors, gridProps, tooltipProps } from '../charts/theme';
import { formatPercent } from '../inspector/percent';

/** The chart names this many tools at most; the table beside it has them all. */
const CHART_TOOLS = 12;
const ROW_PX = 26;

/** Calls per tool as bars split into the failed and the rest, with a table of the same figures. */
interface Props {
  tools: ToolRow[];
  /** Tools in all, calls and failed calls in all: `tools` holds the most called only. */
  total: number;
  calls: number;
  failed: number;
}

export function ToolUsage({ tools, total, calls, failed }: Props) {
  const shown = tools.slice(0, CHART_TOOLS).map((tool) => ({
    tool: tool.tool,
    rest: tool.calls - tool.failed,
    failed: tool.failed,
  }));
  // A handful of calls gets a tick per call, not an axis running on past the longest bar.
  const most = Math.max(1, ...shown.map((tool) => tool.rest + tool.failed));
  return (
    <>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height={shown.length * ROW_PX + 32}>
          <BarChart
            data={shown}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
            role="img"
            title={toolSummary(tools, total, calls, failed)}
            accessibilityLayer={false}
            barCategoryGap={5}
          >
            <CartesianGrid {...gridProps} horizontal={false} />
            <XAxis
              type="number"
              {...axisProps}
              domain={[0, 'dataMax']}
              tickCount={Math.min(6, most + 1)}
              allowDecimals={false}
              tickFormatter={compactCount}
            />
            <YAxis
              type="category"
              dataKey="tool"
              {...axisProps}
              width={120}
              interval={0}
              tickFormatter={(name: string) => (name.length > 18 ? `${name.slice(0, 17)}…` : name)}
            />
            <Tooltip {...tooltipProps} />
            <Bar dataKey="rest" name="Calls" stackId="calls" fill={colors.accent} isAnimationActive={false} />
            <Bar
              dataKey="failed"
              name="Failed"
              stackId="calls"
              fill={colors.danger}
              radius={[0, 3, 3, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="insp-table-wrap chart-table">
        <table className="insp-table">
          <caption className="chart-visually-hidden">Tool calls by tool</caption>
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
                Failure rate
              </th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                p95
              </th>
            </tr>
          </thead>
          <tbody>
            {tools.map((tool) => (
              <tr key={tool.tool}>
                <th scope="row">
                  <code>{tool.tool}</code>
                </th>
                <td className="num">{tool.calls.toLocaleString()}</td>
                <td className={`num${tool.failed > 0 ? ' chart-failed' : ''}`}>
                  {tool.failed.toLocaleString()}
                </td>
                <td className="num">
                  {tool.withOutcome > 0 ? formatPercent(tool.failed / tool.withOutcome) : <NotRecorded />}
                </td>
                <td className="num">
                  {tool.medianMs === null ? <NotRecorded /> : formatDuration(tool.medianMs)}
                </td>
                <td className="num">{tool.p95Ms === null ? <NotRecorded /> : formatDuration(tool.p95Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > tools.length && (
        <p className="muted small">
          The {tools.length} most used of {counted(total, 'tool')}.
        </p>
      )}
    </>
  );
}

function NotRecorded() {
  return (
    <span className="muted" title="Not recorded by this format">
      —
    </span>
  );
}

export function toolSummary(tools: ToolRow[], total: number, calls: number, failed: number): string {
  const top = tools
    .slice(0, 3)
    .map((tool) => `${tool.tool} ${tool.calls.toLocaleString()}`)
    .join(', ');
  return `Tool calls by tool: ${counted(calls, 'call')} to ${counted(total, 'tool')}, ${failed.toLocaleString()} failed; most called ${top}`;
}
