import { BarChart3 } from 'lucide-react';
import type { YoiPanels, YoiUsage } from '../../../../shared/panels/yoi';
import { EmptyState } from '../EmptyState';
import { Section } from '../Section';
import type { DetailOf } from '../tabs';
import { parts, split } from './usage';
import type { Part } from './usage';

/** Token usage per LLM request (`llm_usage` entries), as stacked bars, with the session's totals. */
export function UsagePanel({ detail }: { detail: DetailOf<YoiPanels> }) {
  const { usage, usageTotals: totals } = detail.panels;
  const uncached = Math.max(0, totals.inputTotalTokens - totals.cacheReadTokens - totals.cacheWriteTokens);
  const totalParts: Record<Part, number> = {
    input: uncached,
    cacheRead: totals.cacheReadTokens,
    cacheWrite: totals.cacheWriteTokens,
    output: totals.outputTokens,
  };
  return (
    <section className="inspector" aria-label="Token usage">
      <div className="yoi-totals" role="list" aria-label="Usage totals">
        <div className="insp-card yoi-total" role="listitem">
          <span className="insp-dim">Requests</span>
          <strong className="insp-number">{usage.total.toLocaleString()}</strong>
        </div>
        <div className="insp-card yoi-total" role="listitem">
          <span className="insp-dim">Input in all</span>
          <strong className="insp-number">{totals.inputTotalTokens.toLocaleString()}</strong>
        </div>
        {parts.map((part) => (
          <div className="insp-card yoi-total" role="listitem" key={part.key}>
            <span className="insp-dim">
              <span className={`yoi-swatch ${part.className}`} aria-hidden="true" /> {part.label}
            </span>
            <strong className="insp-number">{totalParts[part.key].toLocaleString()}</strong>
          </div>
        ))}
      </div>
      <Section title="Per request" count={usage.total}>
        {usage.items.length === 0 ? (
          <EmptyState icon={BarChart3} title="No LLM requests recorded" compact>
            The log has no <code>llm_usage</code> entries.
          </EmptyState>
        ) : (
          <div className="insp-card yoi-chart-card">
            {usage.total > usage.items.length && (
              <p className="insp-dim small">
                The newest {usage.items.length.toLocaleString()} of {usage.total.toLocaleString()} requests.
              </p>
            )}
            <UsageChart items={usage.items} />
          </div>
        )}
      </Section>
    </section>
  );
}

const height = 180;
const pad = { top: 8, right: 8, bottom: 22, left: 52 };

function UsageChart({ items }: { items: YoiUsage[] }) {
  const rows = items.map((item) => ({ item, parts: split(item) }));
  const max = Math.max(1, ...rows.map(({ parts: p }) => p.input + p.cacheRead + p.cacheWrite + p.output));
  // Wide bars for a few requests, thin ones (and a scrollbar) for many.
  const slot = Math.round(Math.min(56, Math.max(14, 720 / Math.max(rows.length, 1))));
  const bar = Math.max(8, slot - Math.round(slot / 4));
  const width = pad.left + pad.right + Math.max(rows.length, 6) * slot;
  const plot = height - pad.top - pad.bottom;
  const scale = (tokens: number) => (tokens / max) * plot;
  const ticks = [0, max / 2, max];
  return (
    <div className="yoi-chart-scroll">
      <svg
        className="yoi-chart"
        role="img"
        aria-label={`Tokens per request, ${rows.length} requests, the largest ${max.toLocaleString()} tokens`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        {ticks.map((tick) => {
          const y = pad.top + plot - scale(tick);
          return (
            <g key={tick} className="yoi-chart-grid">
              <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} />
              <text x={pad.left - 6} y={y} dy="0.32em" textAnchor="end">
                {compact(tick)}
              </text>
            </g>
          );
        })}
        {rows.map(({ item, parts: p }, index) => {
          const x = pad.left + index * slot + (slot - bar) / 2;
          let y = pad.top + plot;
          return (
            <g key={item.line} className="yoi-bar">
              <title>
                {`Request ${index + 1} (line ${item.line}): input ${item.inputTotalTokens.toLocaleString()} ` +
                  `(cache read ${item.cacheReadTokens.toLocaleString()}, cache write ${item.cacheWriteTokens.toLocaleString()}), ` +
                  `output ${item.outputTokens.toLocaleString()}`}
              </title>
              {parts.map((part) => {
                const h = scale(p[part.key]);
                y -= h;
                return h > 0 ? (
                  <rect key={part.key} className={part.className} x={x} y={y} width={bar} height={h} />
                ) : null;
              })}
              <text className="yoi-chart-label" x={x + bar / 2} y={height - 6} textAnchor="middle">
                {index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="yoi-legend" aria-label="Legend">
        {parts.map((part) => (
          <li key={part.key}>
            <span className={`yoi-swatch ${part.className}`} aria-hidden="true" /> {part.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function compact(tokens: number): string {
  if (tokens >= 1_000_000) return `${(tokens / 1_000_000).toFixed(1)}M`;
  if (tokens >= 1000) return `${(tokens / 1000).toFixed(1)}k`;
  return String(Math.round(tokens));
}
