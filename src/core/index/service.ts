/**
 * The search index at work: keeps IndexDb in step with the session files of every root. A run
 * first lists (a directory read and a stat per file, so a cold start shows the list at once),
 * then indexes what changed, newest first. Each file is tracked by (device, inode, size, mtime,
 * indexed bytes and turns): an append to an append-only log reads just the new turns, anything
 * else rescans that file alone, and a file that is gone leaves the index. Every page of turns is
 * committed with the count it covers, so a process killed mid-file resumes where it stopped.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { FileFacts } from '../jsonl';
import { factsOf, readRange } from '../jsonl';
import { AppError } from '../../shared/errors';
import type { SessionRef, SessionSummary } from '../../shared/model';
import { noCapabilities } from '../../shared/model';
import type { IndexStatus, SearchRequest, SearchResponse, SessionPage } from '../../shared/search';
import type { FormatStore, SessionFile } from '../formats/format';
import { adapterFor } from '../formats/registry';
import { NameBook } from '../names';
import type { NameLookup } from '../names';
import { WriteBatch } from './batch';
import { IndexDb } from './db';
import type { TrackedFile } from './db';
import type { LineIndexRows } from './lines';
import { sessionDoc } from './docs';
import type { IndexedFind } from './find';
import { sessionStats } from '../stats/session';
import type { LibraryStats, SessionStats } from '../../shared/stats';
import { Progress } from './progress';
import { ReadAhead } from './read-ahead';
import { DocReader } from './reader';
import type { ReadPage } from './reader';
import type { IndexedRoot } from './root';

export interface IndexServiceOptions {
  /** The database file; ':memory:' for a throwaway index. */
  dbPath: string;
  /** Holds the names the app gives sessions of formats that have none (names.ts), so search finds them. */
  appDataDir?: string;
  onProgress?: (status: IndexStatus) => void;
  /** Sessions of these roots were added, changed or removed. */
  onChanged?: (roots: string[]) => void;
}

/** Turns read and committed at a time: big enough to batch inserts, small enough to resume from. */
const TURN_PAGE = 500;
/** Files, and pages of a file, asked for ahead of the one being written, so their reads overlap the writes. */
const FILES_AHEAD = 2;
const PAGES_AHEAD = 1;
const STAT_CONCURRENCY = 16;
/** The tracked row of a file every session of its root depends on. */
const SHARED_SESSION = '';

interface Work {
  root: IndexedRoot;
  store: FormatStore;
  file: SessionFile;
  facts: FileFacts;
  tracked: TrackedFile | null;
}

/** A file's first read, under way. */
interface Begun {
  from: number;
  summaryOnly: boolean;
  first: Promise<ReadPage>;
}

export class IndexService {
  private readonly db: IndexDb;
  private readonly progress: Progress;
  private readonly batch: WriteBatch;
  private readonly names: NameBook | null;
  private readonly reader: DocReader;
  private nameOf: NameLookup = () => undefined;
  private readonly stores = new Map<string, FormatStore>();
  private roots: IndexedRoot[] = [];
  private rootsKey = '';
  /** Settles when the current roots have been listed once, so a first page is never empty for want of it. */
  private listed = settleable();
  private running: Promise<void> | null = null;
  private rerun = false;
  private closed = false;

  private constructor(private readonly options: IndexServiceOptions) {
    this.db = IndexDb.open(options.dbPath);
    this.batch = new WriteBatch(this.db);
    this.reader = new DocReader((root) => this.storeOf(root));
    this.names = options.appDataDir ? new NameBook(options.appDataDir) : null;
    this.progress = new Progress((status) => options.onProgress?.(status));
    if (this.db.recovered) this.progress.failed(this.db.recovered);
  }

  static open(options: IndexServiceOptions): IndexService {
    return new IndexService(options);
  }

  setRoots(roots: IndexedRoot[]): void {
    const key = JSON.stringify(roots.map((root) => [root.id, root.path, root.format]));
    if (key === this.rootsKey) return;
    this.rootsKey = key;
    this.roots = roots.map((root) => ({ ...root }));
    this.listed.settle();
    this.listed = settleable();
  }

  /** The stored JSONL line indexes, for the format caches of the thread that owns this service. */
  lineIndexes(): LineIndexRows {
    return this.db.lines;
  }

  status(): IndexStatus {
    return this.progress.current();
  }

  /** Lists and indexes every root; a call during a run makes one more run after it, not two. */
  sync(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.run();
        } while (this.rerun && !this.closed);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Brings one session up to date now, after the app itself wrote it. */
  async refresh(ref: SessionRef): Promise<void> {
    const root = this.roots.find((candidate) => candidate.id === ref.root);
    if (!root) return;
    const store = this.storeOf(root);
    const file = (await store.enumerate()).sessions.find((candidate) => candidate.id === ref.id);
    if (!file) {
      this.db.dropSession(root.id, ref.id);
      this.changed([root.id]);
      return;
    }
    const facts = await factsAt(file.path);
    if (!facts) return;
    await this.readNames();
    const item = { root, store, file, facts, tracked: this.db.file(file.key) };
    await this.index(item, this.begin(item));
    this.batch.flush();
    this.changed([root.id]);
  }

  /**
   * Forgets everything and indexes again from the files. Answers once the index is empty and the
   * run has begun, so a status asked for next says it is working, not "up to date"; the list
   * waits for the new run's first pass rather than showing an empty library.
   */
  async rebuild(): Promise<void> {
    await this.running?.catch(() => undefined);
    for (const root of this.roots) this.db.dropRoot(root.id);
    this.listed.settle();
    this.listed = settleable();
    this.progress.begin('listing', this.roots.length, 0, true);
    void this.sync().catch((error: unknown) => this.progress.failed(messageOf(error)));
  }

  /**
   * A page of the list from the index. What an earlier launch indexed answers at once while this
   * one's first pass runs behind it; an index that holds nothing yet waits for that pass.
   */
  async page(query: { root?: string; offset: number; limit: number }): Promise<SessionPage> {
    const roots = this.rootIds(query.root);
    if (!this.listed.settled) {
      void this.sync().catch((error: unknown) => this.progress.failed(messageOf(error)));
      if (this.db.page({ roots, offset: 0, limit: 1 }).total === 0) await this.listed.promise;
    }
    return this.db.page({ ...query, roots });
  }

  search(request: SearchRequest): SearchResponse {
    const roots = this.rootIds(undefined).filter(
      (id) => !request.filters.roots || request.filters.roots.includes(id),
    );
    return this.db.search({ ...request, filters: { ...request.filters, roots } });
  }

  /**
   * Takes a summary the app learned more about than a read of the files tells (a verified hash
   * chain), for a session the index already holds; the next change to the file replaces it.
   */
  putSummary(summary: SessionSummary): void {
    const { root, id } = summary.ref;
    if (!this.db.summary(root, id)) return;
    this.db.putSession(summary, this.db.failedTools(root, id));
  }

  summary(ref: SessionRef): SessionSummary | null {
    return this.db.summary(ref.root, ref.id);
  }

  /**
   * The library's activity and tool use from what is indexed so far; `indexing` says when more is
   * to come (a first call starts the first pass, as a first page does).
   */
  libraryStats(query: { root?: string; days: number | null }): LibraryStats {
    const listed = this.listed.settled;
    if (!listed) void this.sync().catch((error: unknown) => this.progress.failed(messageOf(error)));
    const stats = this.db.stats({ roots: this.rootIds(query.root), days: query.days, now: Date.now() });
    return { ...stats, indexing: !listed || this.progress.current().phase !== 'idle' };
  }

  /** One session's timeline, read here so a long session's pages never hold up the app's own thread. */
  async sessionStats(ref: SessionRef): Promise<SessionStats> {
    const root = this.roots.find((candidate) => candidate.id === ref.root);
    if (!root) throw new AppError('not_found', 'no such root');
    return sessionStats(this.storeOf(root), ref.id);
  }

  find(ref: SessionRef, query: string, limit: number): IndexedFind | null {
    return this.db.find(ref.root, ref.id, query, limit);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listed.settle();
    await this.running?.catch(() => undefined);
    this.batch.flush();
    this.db.close();
  }

  /** Only the roots in use are shown; others stay indexed for when they are used again. */
  private rootIds(only: string | undefined): string[] {
    const ids = this.roots.map((root) => root.id);
    return only ? ids.filter((id) => id === only) : ids;
  }

  private async run(): Promise<void> {
    await this.readNames();
    this.progress.begin('listing', this.roots.length, 0, false);
    const work: Work[] = [];
    const changedRoots = new Set<string>();
    for (const root of this.roots) {
      if (this.closed) return;
      try {
        const found = await this.list(root);
        work.push(...found.work);
        if (found.changed) changedRoots.add(root.id);
      } catch (error) {
        this.progress.failed(`${root.path}: ${messageOf(error)}`);
      }
    }
    this.listed.settle();
    if (changedRoots.size > 0) this.changed([...changedRoots]);

    work.sort((a, b) => b.facts.mtimeMs - a.facts.mtimeMs);
    // A run that finds nothing to do stays silent: no status bar flicker on every list refresh.
    const announce = work.length > 0;
    this.progress.begin(
      'indexing',
      work.length,
      work.reduce((sum, item) => sum + bytesToRead(item), 0),
      announce,
    );
    const touched = new Set<string>();
    let lastNotice = performance.now();
    const begun: Promise<Begun>[] = [];
    for (const [i, item] of work.entries()) {
      if (this.closed) return;
      while (begun.length < FILES_AHEAD && i + begun.length < work.length) {
        begun.push(this.begin(work[i + begun.length] as Work));
      }
      await this.index(item, begun.shift() as Promise<Begun>);
      touched.add(item.root.id);
      // The list fills in while a long run goes on, not only when it ends.
      if (performance.now() - lastNotice > 2000) {
        this.batch.flush();
        this.changed([...touched]);
        touched.clear();
        lastNotice = performance.now();
      }
    }
    this.batch.flush();
    if (touched.size > 0) this.changed([...touched]);
    // Only after a whole run does the index track every file of its roots: before, the line index
    // of a file viewed ahead of the indexer would look orphaned too.
    this.db.lines.prune();
    this.progress.end(announce);
  }

  /** The quick pass: new sessions get a row from their file alone; vanished ones leave. */
  private async list(root: IndexedRoot): Promise<{ work: Work[]; changed: boolean }> {
    const store = this.storeOf(root);
    let enumeration;
    try {
      enumeration = await store.enumerate();
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        const had = this.db.sessionIds(root.id).length > 0;
        this.db.dropRoot(root.id);
        return { work: [], changed: had };
      }
      throw error;
    }
    const sharedChanged = await this.sharedChanged(root, enumeration.shared);
    const facts = await mapLimit(enumeration.sessions, STAT_CONCURRENCY, (file) => factsAt(file.path));
    const work: Work[] = [];
    let changed = false;
    const present = new Set<string>();
    this.db.transaction(() => {
      enumeration.sessions.forEach((file, i) => {
        const seen = facts[i];
        if (!seen) return;
        present.add(file.id);
        const tracked = this.db.file(file.key);
        if (!tracked) {
          if (!this.db.summary(root.id, file.id)) {
            this.db.putSession(placeholder(root, file, seen), 0);
            changed = true;
          }
        } else if (tracked.state !== 'listed' && sameFacts(tracked, seen) && !sharedChanged) {
          // Indexed, or failed on these very bytes: reading them again would fail again.
          return;
        }
        work.push({ root, store, file, facts: seen, tracked });
      });
      for (const id of this.db.sessionIds(root.id)) {
        if (present.has(id)) continue;
        this.db.dropSession(root.id, id);
        changed = true;
      }
    });
    return { work, changed };
  }

  /** Records the shared files' facts and says whether any changed since the last run. */
  private async sharedChanged(root: IndexedRoot, paths: string[]): Promise<boolean> {
    let changed = false;
    for (const path of paths) {
      const facts = await factsAt(path);
      const tracked = this.db.file(path);
      if (!facts) {
        if (tracked) this.db.removeFile(path);
        changed ||= tracked !== null;
        continue;
      }
      if (tracked && sameFacts(tracked, facts)) continue;
      changed = true;
      this.db.putFile({
        ...facts,
        path,
        root: root.id,
        session: SHARED_SESSION,
        indexedBytes: facts.size,
        indexedTurns: 0,
        fingerprint: null,
        state: 'indexed',
        error: null,
      });
    }
    return changed;
  }

  /**
   * Starts reading a file's first page, so the reader works on it while the writer is still busy
   * with the files before. A file whose bytes are as indexed only has its summary read again (a
   * shared file, such as ZeroClaw's names, changed). An append-only log that only grew (or a run
   * that stopped part-way through a file) resumes at the last indexed turn, which an append may
   * have added to; anything else is read again from the start.
   */
  private async begin(item: Work): Promise<Begun> {
    const { root, file, facts, tracked, store } = item;
    const summaryOnly = tracked?.state === 'indexed' && sameFacts(tracked, facts);
    const from = summaryOnly ? 0 : ((await resumeTurn(store, tracked, facts, file.path)) ?? 0);
    const first = this.reader.read({
      root,
      id: file.id,
      from,
      count: summaryOnly ? 0 : TURN_PAGE,
      head: true,
    });
    // Awaited by index(); if the run stops before, its failure must not go unhandled.
    first.catch(() => undefined);
    return { from, summaryOnly, first };
  }

  /** Writes what the reader makes of one file, a page at a time, reading ahead as it writes. */
  private async index(item: Work, begun: Promise<Begun>): Promise<void> {
    const { root, store, file, facts } = item;
    const base = {
      ...facts,
      path: file.key,
      root: root.id,
      session: file.id,
      fingerprint: null,
      error: null,
    };
    let reported = 0;
    try {
      const { from: start, summaryOnly, first } = await begun;
      let page = await first;
      if (!page.summary) throw new Error('the reader answered a first page without its summary');
      const summary = this.named(root, store, page.summary);
      if (summaryOnly) {
        this.batch.add(0, () => {
          this.db.replaceSessionDocs(root.id, file.id, [sessionDoc(summary)]);
          this.db.putSession(summary, this.db.failedTools(root.id, file.id));
        });
        this.progress.advance(1, 0);
        return;
      }
      let failed = 0;
      if (start === 0) {
        const meta = [sessionDoc(summary), ...page.panelDocs];
        this.batch.add(0, () => {
          this.db.replaceDocs(root.id, file.id, null, meta);
          this.db.putFile({ ...base, indexedBytes: 0, indexedTurns: 0, state: 'listed' });
        });
      } else {
        failed = this.db.failedTools(root.id, file.id);
        this.batch.add(0, () => this.db.replaceSessionDocs(root.id, file.id, [sessionDoc(summary)]));
      }
      const ahead = new ReadAhead(this.reader, root, file.id, TURN_PAGE, PAGES_AHEAD);
      let at = start;
      for (;;) {
        const upTo = at + page.turns;
        if (page.turns > 0) {
          ahead.fill(upTo, page.total);
          const { docs } = page;
          failed += page.failedTools;
          const from = at;
          const bytes = page.total > 0 ? Math.round((bytesToRead(item) * upTo) / page.total) : 0;
          this.batch.add(Math.max(0, bytes - reported), () => {
            this.db.replaceDocs(root.id, file.id, from, docs);
            this.db.putFile({ ...base, indexedBytes: 0, indexedTurns: upTo, state: 'listed' });
          });
          this.progress.advance(0, Math.max(0, bytes - reported));
          reported = Math.max(reported, bytes);
        }
        at = upTo;
        if (page.turns === 0 || at >= page.total) break;
        page = await ahead.next(at);
      }
      ahead.drop();
      const fingerprint = store.appendOnly ? await fingerprintAt(file.path, facts.size) : null;
      this.batch.add(0, () => {
        this.db.putSession(summary, failed);
        this.db.putFile({
          ...base,
          indexedBytes: facts.size,
          indexedTurns: summary.turnCount,
          fingerprint,
          state: 'indexed',
        });
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        this.batch.add(0, () => this.db.dropSession(root.id, file.id));
      } else {
        const message = messageOf(error);
        this.progress.failed(`${file.path}: ${message}`);
        // The row says why, rather than waiting as "pending" for a read that failed.
        const row = placeholder(root, file, facts);
        this.batch.add(0, () => {
          this.db.putSession({ ...row, pending: false, health: { ...row.health, damaged: message } }, 0);
          this.db.putFile({ ...base, indexedBytes: 0, indexedTurns: 0, state: 'failed', error: message });
        });
      }
    }
    this.progress.advance(1, Math.max(0, bytesToRead(item) - reported));
  }

  private async readNames(): Promise<void> {
    if (!this.names) return;
    try {
      this.nameOf = await this.names.lookup();
    } catch (error) {
      this.progress.failed(`session names: ${messageOf(error)}`);
    }
  }

  /** The summary with the app's own name laid over, where the format has none (as the Library shows it). */
  private named(root: IndexedRoot, store: FormatStore, summary: SessionSummary): SessionSummary {
    const title = store.appNames ? this.nameOf(root.format, root.id, summary.ref.id) : undefined;
    return title === undefined ? summary : { ...summary, title, untitled: false };
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

  private changed(roots: string[]): void {
    this.options.onChanged?.(roots);
  }
}

/**
 * The turn to go on from, or null to read the whole file: the same bytes a run stopped part-way
 * through, or an append-only log on the same inode whose indexed bytes are still there as they
 * were (a file rewritten in place and grown past them is not an append).
 */
async function resumeTurn(
  store: FormatStore,
  tracked: TrackedFile | null,
  facts: FileFacts,
  path: string,
): Promise<number | null> {
  if (!tracked || tracked.indexedTurns === 0) return null;
  if (tracked.state === 'listed' && sameFacts(tracked, facts)) return tracked.indexedTurns - 1;
  if (tracked.dev !== facts.dev || tracked.ino !== facts.ino) return null;
  if (!store.appendOnly || tracked.state !== 'indexed' || facts.size < tracked.indexedBytes) return null;
  if (tracked.fingerprint === null) return null;
  const now = await fingerprintAt(path, tracked.indexedBytes);
  return now === tracked.fingerprint ? tracked.indexedTurns - 1 : null;
}

/** Bytes hashed before an offset: enough that a rewrite landing on the same ones is not credible. */
const FINGERPRINT_BYTES = 4096;

async function fingerprintAt(path: string, end: number): Promise<string | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const start = Math.max(0, end - FINGERPRINT_BYTES);
      const bytes = await readRange(handle, start, end - start);
      return createHash('sha256').update(bytes).digest('hex');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

function bytesToRead(item: Work): number {
  const resumable = item.tracked?.state === 'indexed' && item.store.appendOnly;
  const done = resumable && item.tracked ? Math.min(item.tracked.indexedBytes, item.facts.size) : 0;
  return item.facts.size - done;
}

function sameFacts(tracked: FileFacts, facts: FileFacts): boolean {
  return (
    tracked.dev === facts.dev &&
    tracked.ino === facts.ino &&
    tracked.size === facts.size &&
    tracked.mtimeMs === facts.mtimeMs
  );
}

async function factsAt(path: string): Promise<FileFacts | null> {
  try {
    return factsOf(await stat(path));
  } catch {
    return null;
  }
}

/** A row from the file alone, until the indexer reads the session: the list never waits for it. */
function placeholder(root: IndexedRoot, file: SessionFile, facts: FileFacts): SessionSummary {
  return {
    ref: { root: root.id, id: file.id },
    format: root.format,
    title: file.id,
    untitled: true,
    createdAt: null,
    updatedAt: new Date(facts.mtimeMs).toISOString(),
    projectPath: null,
    turnCount: 0,
    sizeBytes: facts.size,
    health: {
      unreadableLines: 0,
      damaged: null,
      chain: root.format === 'yoi' ? { status: 'unchecked' } : null,
    },
    capabilities: noCapabilities,
    key: null,
    storage: null,
    state: null,
    pending: true,
  };
}

function settleable(): { promise: Promise<void>; settle(): void; settled: boolean } {
  let settle = (): void => undefined;
  const promise = new Promise<void>((resolve) => (settle = resolve));
  const handle = {
    promise,
    settled: false,
    settle() {
      handle.settled = true;
      settle();
    },
  };
  return handle;
}

async function mapLimit<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
