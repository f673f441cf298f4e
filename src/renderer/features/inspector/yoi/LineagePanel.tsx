import { GitBranch, GitFork, Shrink } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { LineageGraph, SessionRef } from '../../../../shared/model';
import type { YoiPanels } from '../../../../shared/panels/yoi';
import { client } from '../../../api';
import { LoadableView } from '../../../components/LoadableView';
import { failed, loading, ready } from '../../../store/loadable';
import type { Loadable } from '../../../store/loadable';
import { messageOf } from '../../../store/messages';
import { sameRef } from '../../../store/sessionSlice';
import { useAppStore } from '../../../store/store';
import { EmptyState } from '../EmptyState';
import { Section } from '../Section';
import type { DetailOf } from '../tabs';
import { shortHash } from './ChainBadge';

type Node = LineageGraph['nodes'][number];
type Edge = LineageGraph['edges'][number];

/** Sessions this one was forked or compacted from, and those made from it, as an indented tree. */
export function LineagePanel({ detail }: { detail: DetailOf<YoiPanels> }) {
  const { ref } = detail.summary;
  const listed = useAppStore((state) => state.sessions.length);
  const [graph, setGraph] = useState<{ key: string; value: Loadable<LineageGraph> } | null>(null);
  const key = `${ref.root}/${ref.id}/${listed}/${detail.summary.updatedAt ?? ''}`;

  useEffect(() => {
    let live = true;
    client.call('session.lineage', { ref }).then(
      (value) => live && setGraph({ key, value: ready(value) }),
      (error: unknown) => live && setGraph({ key, value: failed(messageOf(error)) }),
    );
    return () => {
      live = false;
    };
    // The key names everything the answer depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const value = graph?.key === key ? graph.value : loading;
  return (
    <section className="inspector" aria-label="Lineage">
      <Section title="Lineage">
        <LoadableView value={value} loadingText="Following forks and compactions…">
          {(lineage) =>
            lineage.edges.length === 0 ? (
              <EmptyState icon={GitBranch} title="No forks or compactions" compact>
                No session in this root was made from this one, and it was not made from another.
              </EmptyState>
            ) : (
              <div className="insp-card yoi-lineage">
                <ul className="yoi-tree" aria-label="Lineage tree">
                  {roots(lineage).map((node) => (
                    <TreeNode
                      key={node.ref.id}
                      node={node}
                      edge={null}
                      graph={lineage}
                      open={ref}
                      seen={[]}
                    />
                  ))}
                </ul>
              </div>
            )
          }
        </LoadableView>
      </Section>
    </section>
  );
}

function roots(graph: LineageGraph): Node[] {
  return graph.nodes.filter((node) => !graph.edges.some((edge) => sameRef(edge.to, node.ref)));
}

/** The edge out of `from` on the way down to `target`, if `target` descends from it. */
function towards(graph: LineageGraph, from: SessionRef, target: SessionRef, seen: string[]): Edge | null {
  const key = `${from.root}/${from.id}`;
  if (seen.includes(key)) return null;
  for (const edge of graph.edges) {
    if (!sameRef(edge.from, from)) continue;
    if (sameRef(edge.to, target) || towards(graph, edge.to, target, [...seen, key])) return edge;
  }
  return null;
}

interface TreeProps {
  node: Node;
  /** How this node was made from its parent; null at the top. */
  edge: Edge | null;
  graph: LineageGraph;
  open: SessionRef;
  /** The path here, so a malformed cycle cannot recurse forever. */
  seen: string[];
}

function TreeNode({ node, edge, graph, open, seen }: TreeProps) {
  const showEntry = useAppStore((state) => state.showEntry);
  const isOpen = sameRef(node.ref, open);
  const id = `${node.ref.root}/${node.ref.id}`;
  const children = seen.includes(id) ? [] : graph.edges.filter((each) => sameRef(each.from, node.ref));
  const Icon = edge?.kind === 'compaction' ? Shrink : GitFork;
  return (
    <li className="yoi-tree-item">
      <div className={`yoi-node${isOpen ? ' current' : ''}${node.missing ? ' missing' : ''}`}>
        {edge && (
          <span className={`yoi-edge ${edge.kind}`}>
            <Icon size={12} aria-hidden="true" /> {edge.kind === 'fork' ? 'fork' : 'compaction'}{' '}
            {edge.atLine !== null ? `at line ${edge.atLine}` : `at ${shortHash(edge.atHash)}`}
          </span>
        )}
        {node.missing ? (
          <span className="yoi-node-title insp-dim" title="Not found in this root">
            {node.title} (missing)
          </span>
        ) : (
          <button
            type="button"
            className="insp-link-button yoi-node-title"
            aria-current={isOpen ? 'true' : undefined}
            disabled={isOpen}
            onClick={() => {
              const branch = towards(graph, node.ref, open, []);
              void showEntry(node.ref, branch && { hash: branch.atHash, line: branch.atLine });
            }}
          >
            {node.title}
          </button>
        )}
        {isOpen && <span className="badge">open</span>}
      </div>
      {children.length > 0 && (
        <ul className="yoi-tree">
          {children.map((child) => {
            const target = graph.nodes.find((each) => sameRef(each.ref, child.to));
            return target ? (
              <TreeNode
                key={`${child.to.id}-${child.atHash}`}
                node={target}
                edge={child}
                graph={graph}
                open={open}
                seen={[...seen, id]}
              />
            ) : null;
          })}
        </ul>
      )}
    </li>
  );
}
