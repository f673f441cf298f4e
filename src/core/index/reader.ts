/**
 * The reading half of indexing: a session file turned into search documents, ready to insert.
 * Parsing a format and deriving its documents' extra terms cost about as much CPU as SQLite's
 * inserts, so the app runs this half in a thread of its own (reader-thread.ts) and the writer
 * inserts one page while the next is read. The CLI and tests run it inline; both answer alike.
 */
import type { SessionSummary } from '../../shared/model';
import type { FormatStore } from '../formats/format';
import { adapterFor } from '../formats/registry';
import type { DocInput } from './db';
import { capBody, failedCalls, panelDocs, turnDocs } from './docs';
import type { IndexedRoot } from './service';
import { extraTerms } from './text';

/** A document with its body capped and its extra terms derived: the writer only inserts it. */
export type PreparedDoc = DocInput & { terms: string };

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
  panelDocs: PreparedDoc[];
  docs: PreparedDoc[];
  /** Turns read: the next page starts at `from + turns`. */
  turns: number;
  total: number;
  failedTools: number;
}

export interface SourceReader {
  read(request: ReadRequest): Promise<ReadPage>;
  close(): Promise<void>;
}

export function prepare(doc: DocInput): PreparedDoc {
  const body = capBody(doc.body);
  return { ...doc, body, terms: extraTerms(body) };
}

/** Reads in the calling thread, with one store per root as the formats expect. */
export class DocReader implements SourceReader {
  private readonly stores = new Map<string, FormatStore>();

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
      panelDocs: panels.map(prepare),
      docs: page.turns.flatMap(turnDocs).map(prepare),
      turns: page.turns.length,
      total: page.total,
      failedTools: failedCalls(page.turns),
    };
  }

  async close(): Promise<void> {
    this.stores.clear();
  }

  private storeOf(root: IndexedRoot): FormatStore {
    const key = `${root.format}\0${root.path}`;
    let store = this.stores.get(key);
    if (!store) {
      store = adapterFor(root.format).open({ id: root.id, path: root.path });
      this.stores.set(key, store);
    }
    return store;
  }
}
