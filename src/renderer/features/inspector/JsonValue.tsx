import { JsonTree } from '../../components/JsonTree';

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/**
 * Scalars inline, typed by colour, so a row of metadata reads at a glance; objects and arrays
 * as a collapsible tree, named by `label`. Strings stay text: React escapes them, and nothing
 * here parses markup.
 */
export function JsonValue({ value, label }: { value: unknown; label: string }) {
  const kind = jsonKind(value);
  if (kind === 'object' || kind === 'array') return <JsonTree value={value} label={label} />;
  return <span className={`insp-json kind-${kind}`}>{kind === 'null' ? 'null' : String(value)}</span>;
}
