/**
 * Forks and compactions within one root (formats.md §3.7): every `session_start` may name the
 * session it was forked or compacted from and the entry it branched at. The graph holds the
 * session's ancestors and descendants; an origin whose file is not in the root is a missing node.
 */
import { readdir } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { LineageGraph } from '../../../shared/model';
import { scanLines } from '../../jsonl';
import { fromFsError } from '../../fs-errors';
import { splitLine } from './hash';
import { readStart } from './head';
import type { StartFacts } from './head';
import { idFromFileName, logPath } from './id';
import { isoOf } from './timeline';

interface Link {
  from: string;
  to: string;
  kind: 'fork' | 'compaction';
  atHash: string;
}

function linksOf(id: string, start: StartFacts): Link[] {
  const links: Link[] = [];
  if (start.forkedFrom)
    links.push({ from: start.forkedFrom.session_id, to: id, kind: 'fork', atHash: start.forkedFrom.at_hash });
  if (start.compactedFrom) {
    const { session_id, at_hash } = start.compactedFrom;
    links.push({ from: session_id, to: id, kind: 'compaction', atHash: at_hash });
  }
  return links;
}

export async function lineageOf(dir: string, rootId: string, id: string): Promise<LineageGraph> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw fromFsError(error, dir);
  }
  const ids = names.map(idFromFileName).filter((n): n is string => n !== null);
  const starts = new Map<string, StartFacts | null>();
  await Promise.all(ids.map(async (sid) => starts.set(sid, await readStart(logPath(dir, sid)))));
  const links = [...starts].flatMap(([sid, start]) => (start ? linksOf(sid, start) : []));

  const chosen = new Set([id]);
  // Ancestors: follow origins upwards; descendants: sessions made from anything already chosen below.
  for (
    let current: string | undefined = id, guard = 0;
    current !== undefined && guard <= ids.length;
    guard++
  ) {
    const up: Link | undefined = links.find((l) => l.to === current);
    current = up && !chosen.has(up.from) ? up.from : undefined;
    if (current !== undefined) chosen.add(current);
  }
  const below = [id];
  for (let next = below.pop(); next !== undefined; next = below.pop()) {
    for (const link of links) {
      if (link.from === next && !chosen.has(link.to)) {
        chosen.add(link.to);
        below.push(link.to);
      }
    }
  }
  const edges = links.filter((l) => chosen.has(l.from) && chosen.has(l.to));
  const lines = await linesOfHashes(dir, edges, starts);

  return {
    nodes: [...chosen].map((sid) => {
      const start = starts.get(sid);
      return {
        ref: { root: rootId, id: sid },
        title: sid,
        createdAt: start ? isoOf(start.ts) : null,
        missing: !starts.has(sid),
      };
    }),
    edges: edges.map((l) => ({
      from: { root: rootId, id: l.from },
      to: { root: rootId, id: l.to },
      kind: l.kind,
      atHash: l.atHash,
      atLine: lines.get(`${l.from}:${l.atHash}`) ?? null,
    })),
  };
}

/** Line numbers of the branch points, one streamed pass over each source log. */
async function linesOfHashes(
  dir: string,
  edges: Link[],
  starts: Map<string, StartFacts | null>,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const wanted = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!starts.has(edge.from)) continue;
    const set = wanted.get(edge.from) ?? new Set<string>();
    set.add(edge.atHash);
    wanted.set(edge.from, set);
  }
  for (const [source, hashes] of wanted) {
    const handle = await open(logPath(dir, source), 'r').catch(() => null);
    if (!handle) continue;
    try {
      const { size } = await handle.stat();
      await scanLines(
        handle,
        (raw) => {
          const split = raw.bytes && splitLine(raw.bytes);
          if (!split) return;
          const hash = split.hash.toString('hex');
          if (hashes.has(hash) && !found.has(`${source}:${hash}`)) found.set(`${source}:${hash}`, raw.number);
        },
        { end: size },
      );
    } finally {
      await handle.close();
    }
  }
  return found;
}
