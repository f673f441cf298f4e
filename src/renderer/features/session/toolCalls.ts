import type { ToolCall } from '../../../shared/model';

/**
 * A call known only by its name: ZeroClaw's old "[Used tools: a, b]" prefix records which tools
 * ran and nothing else, so there is nothing to unfold and it shows as a chip.
 */
export function isBareCall(call: ToolCall): boolean {
  return isEmpty(call.arguments) && isEmpty(call.result) && call.success === null && call.durationMs === null;
}

export function splitCalls(calls: ToolCall[]): { bare: ToolCall[]; detailed: ToolCall[] } {
  const bare: ToolCall[] = [];
  const detailed: ToolCall[] = [];
  for (const call of calls) (isBareCall(call) ? bare : detailed).push(call);
  return { bare, detailed };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
