import type { LineageGraph, SessionRef } from './model';

/**
 * How many sessions were forked or compacted straight from `ref`: each names it as its origin,
 * so deleting it leaves their link pointing at a session in the trash.
 */
export function madeFromCount(graph: LineageGraph, ref: SessionRef): number {
  const made = graph.edges
    .filter((edge) => edge.from.root === ref.root && edge.from.id === ref.id)
    .map((edge) => `${edge.to.root}/${edge.to.id}`);
  return new Set(made).size;
}
