import type { YoiUsage } from '../../../../shared/panels/yoi';

/** The parts of one request, bottom to top; `input_total_tokens` counts the cached parts too. */
export const parts = [
  { key: 'input', label: 'Input (uncached)', className: 'yoi-input' },
  { key: 'cacheRead', label: 'Cache read', className: 'yoi-cache-read' },
  { key: 'cacheWrite', label: 'Cache write', className: 'yoi-cache-write' },
  { key: 'output', label: 'Output', className: 'yoi-output' },
] as const;

export type Part = (typeof parts)[number]['key'];

export function split(usage: YoiUsage): Record<Part, number> {
  const cached = usage.cacheReadTokens + usage.cacheWriteTokens;
  return {
    input: Math.max(0, usage.inputTotalTokens - cached),
    cacheRead: usage.cacheReadTokens,
    cacheWrite: usage.cacheWriteTokens,
    output: usage.outputTokens,
  };
}
