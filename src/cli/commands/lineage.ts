import type { LineageGraph, SessionRef } from '../../shared/model';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { localTime, sessionName } from '../format';
import { lineageJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

type Node = LineageGraph['nodes'][number];
type Edge = LineageGraph['edges'][number];

const keyOf = (ref: SessionRef) => `${ref.root}/${ref.id}`;

function describeNode(node: Node, chosen: SessionRef): string {
  const when = node.missing ? ' (missing from this root)' : ` · created ${localTime(node.createdAt)}`;
  const mark = keyOf(node.ref) === keyOf(chosen) ? '  ← this session' : '';
  return `${sessionName(node.ref.id, node.title)}${when}${mark}`;
}

function describeEdge(edge: Edge): string {
  const at = edge.atLine === null ? `${cleanLine(edge.atHash.slice(0, 12))}…` : `line ${edge.atLine}`;
  return `${edge.kind === 'fork' ? 'forked' : 'compacted'} at ${at}: `;
}

/**
 * Each origin above the sessions made from it, indented one step per generation. A session with
 * two origins is drawn under both but expanded once, so a malformed graph cannot loop.
 */
function formatTree(graph: LineageGraph, chosen: SessionRef): string {
  const nodes = new Map(graph.nodes.map((node) => [keyOf(node.ref), node]));
  const made = new Set(graph.edges.map((edge) => keyOf(edge.to)));
  const tops = graph.nodes.filter((node) => !made.has(keyOf(node.ref)));
  const expanded = new Set<string>();
  const lines: string[] = [];
  const draw = (node: Node, depth: number, via: Edge | null): void => {
    const key = keyOf(node.ref);
    const label = via === null ? '' : describeEdge(via);
    lines.push(`${'  '.repeat(depth)}${label}${describeNode(node, chosen)}`);
    if (expanded.has(key)) return;
    expanded.add(key);
    for (const edge of graph.edges.filter((candidate) => keyOf(candidate.from) === key)) {
      const child = nodes.get(keyOf(edge.to));
      if (child) draw(child, depth + 1, edge);
    }
  };
  const start = tops.length > 0 ? tops : graph.nodes.filter((node) => keyOf(node.ref) === keyOf(chosen));
  for (const top of start) draw(top, 0, null);
  return `${lines.join('\n')}\n`;
}

export const lineageCommand: Command = {
  name: 'lineage',
  operands: [{ name: 'id' }],
  summary: 'what a session was forked or compacted from, and what was made from it',
  async run(context, [id = '']) {
    const { ref } = await locate(context, id);
    const graph = await context.call('session.lineage', { ref });
    await context.print(context.json ? jsonLine(lineageJson(graph)) : formatTree(graph, ref));
  },
};
