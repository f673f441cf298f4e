/**
 * The reading half of indexing: a page of a session file turned into search documents, ready to
 * insert. A reader thread of its own was tried and measured: it cut indexing time by about a tenth
 * but cost a second heap (over 100 MB), as structured cloning every page ate most of the overlap.
 */
import type { SessionSummary } from '../../shared/model';
import type { FormatStore } from '../formats/format';
import type { DocInput } from './docs';
import { failedCalls, panelDocs, turnDocs } from './docs';
import type { IndexedRoot } from './root';

export interface ReadRequest {
  root: IndexedRoot;
  id: string;
  /** The first turn to read. */
  from: number;
  /** Turns to read; 0 reads none (with `head`, just the summary). */
  count: number;
  /** Also read the summary and, from turn 0, the panel documents (learned facts, preferences). */
  head: boolean;
}

export interface ReadPage {
  /** With `head`: the summary as the format reads it (before the app's own names are laid over). */
  summary: SessionSummary | null;
  /** With `head` from turn 0: the panel documents. */
  panelDocs: DocInput[];
  docs: DocInput[];
  /** Turns read: the next page starts at `from + turns`. */
  turns: number;
  total: number;
  failedTools: number;
}

/** Reads through the stores the index opened for each root. */
export class DocReader {
  constructor(private readonly storeOf: (root: IndexedRoot) => FormatStore) {}

  async read({ root, id, from, count, head }: ReadRequest): Promise<ReadPage> {
    const store = this.storeOf(root);
    const summary = head ? await store.summary(id) : null;
    const healthy = summary === null || summary.health.damaged === null;
    const panels =
      summary && healthy && from === 0 && count > 0
        ? panelDocs((await store.detail(id)).panels, summary.updatedAt)
        : [];
    if (!healthy || count === 0)
      return { summary, panelDocs: [], docs: [], turns: 0, total: 0, failedTools: 0 };
    const page = await store.turns(id, from, count);
    return {
      summary,
      panelDocs: panels,
      docs: page.turns.flatMap(turnDocs),
      turns: page.turns.length,
      total: page.total,
      failedTools: failedCalls(page.turns),
    };
  }
}
