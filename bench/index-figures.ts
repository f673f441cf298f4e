/**
 * The search index's figures, measured on the same corpus in the same run as the rest, in a child
 * process (bench/index-run.ts) so its peak memory is the indexer's own:
 * - indexMBps: corpus bytes / time from an empty index to every root indexed;
 * - ftsCeilingMBps: the same rate for FTS5 alone taking in a sample of the index's own text
 *   (fts-ceiling.ts), the most indexMBps could be on one core;
 * - firstListMs: a cold start to the first page of the list; warmListMs: the same with the index
 *   an earlier launch left;
 * - searchP50Ms, searchP95Ms: each query, top 50 sessions with snippets;
 * - appendVisibleMs: from appending a line to `corpus.appendTarget` to a search finding it, in a
 *   Library that watches the roots as the app does.
 */
import type { FormatId } from '../src/shared/model';
import { runChild } from './child';

export interface IndexedCorpus {
  dir: string;
  roots: { id: string; path: string; format: FormatId }[];
  bytes: number;
  appendTarget: { path: string; id: string };
}

export async function indexFigures(
  corpus: IndexedCorpus,
  queries: readonly string[],
  appData: string,
): Promise<Record<string, number | null>> {
  return runChild(new URL('./index-run.ts', import.meta.url), {
    corpus: { dir: corpus.dir, roots: corpus.roots, bytes: corpus.bytes, appendTarget: corpus.appendTarget },
    queries,
    appData,
  });
}
