/**
 * The Library's handle on the search index. In the app it runs in a worker thread, so indexing
 * gigabytes never blocks the process that answers the UI; the CLI, short-lived and with nothing
 * else to do, runs it inline. Both answer the same calls.
 */
import { Worker } from 'node:worker_threads';
import { AppError, toWireError } from '../../shared/errors';
import type { WireError } from '../../shared/errors';
import type { SessionRef, SessionSummary } from '../../shared/model';
import type { IndexStatus, SearchRequest, SearchResponse, SessionPage } from '../../shared/search';
import type { FileFacts } from '../jsonl';
import type { LibraryStats, SessionStats } from '../../shared/stats';
import type { IndexedFind } from './find';
import { IndexService } from './service';
import { movable } from './transfer';
import type { IndexedRoot } from './root';

export interface IndexEvents {
  onProgress(status: IndexStatus): void;
  onChanged(roots: string[]): void;
}

export interface IndexClient {
  setRoots(roots: IndexedRoot[]): Promise<void>;
  sync(): Promise<void>;
  refresh(ref: SessionRef): Promise<void>;
  rebuild(): Promise<void>;
  page(query: { root?: string; offset: number; limit: number }): Promise<SessionPage>;
  search(request: SearchRequest): Promise<SearchResponse>;
  summary(ref: SessionRef): Promise<SessionSummary | null>;
  /** The turns of a session that match a query (find.ts); null when the index has not read it. */
  find(ref: SessionRef, query: string, limit: number): Promise<IndexedFind | null>;
  putSummary(summary: SessionSummary): Promise<void>;
  /** The library's activity by day and tool use, from SQL aggregates (stats.ts). */
  libraryStats(query: { root?: string; days: number | null }): Promise<LibraryStats>;
  /** One session's timeline and token use, read from its files in the index's thread. */
  sessionStats(ref: SessionRef): Promise<SessionStats>;
  /** The stored line index of a JSONL file that can describe it in the state `facts`, or null. */
  lineIndex(path: string, facts: FileFacts): Promise<Uint8Array | null>;
  /** Stores a serialized line index of `path` in the state `facts`, replacing any earlier one. */
  putLineIndex(path: string, facts: FileFacts, bytes: Uint8Array): Promise<void>;
  status(): Promise<IndexStatus>;
  close(): Promise<void>;
}

export type IndexMethod = Exclude<keyof IndexClient, 'close'>;

/** Where the worker's script is, and how to start it (a test runs the TypeScript through tsx). */
export interface WorkerEntry {
  url: URL;
  execArgv?: string[];
}

/** Where the index keeps its database, and the app-data directory whose session names it indexes. */
export interface IndexPaths {
  dbPath: string;
  appDataDir?: string;
}

export function openIndex(paths: IndexPaths, events: IndexEvents, worker?: WorkerEntry): IndexClient {
  return worker ? new WorkerIndex(paths, events, worker) : inlineIndex(paths, events);
}

function inlineIndex(paths: IndexPaths, events: IndexEvents): IndexClient {
  const service = IndexService.open({ ...paths, ...events });
  return {
    setRoots: async (roots) => service.setRoots(roots),
    sync: () => service.sync(),
    refresh: (ref) => service.refresh(ref),
    rebuild: () => service.rebuild(),
    page: async (query) => service.page(query),
    search: async (request) => service.search(request),
    summary: async (ref) => service.summary(ref),
    find: async (ref, query, limit) => service.find(ref, query, limit),
    putSummary: async (summary) => service.putSummary(summary),
    libraryStats: async (query) => service.libraryStats(query),
    sessionStats: (ref) => service.sessionStats(ref),
    lineIndex: async (path, facts) => service.lineIndexes().get(path, facts),
    putLineIndex: async (path, facts, bytes) => service.lineIndexes().put(path, facts, bytes),
    status: async () => service.status(),
    close: () => service.close(),
  };
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  | { event: 'progress'; status: IndexStatus }
  | { event: 'changed'; roots: string[] };

export interface WorkerRequest {
  id: number;
  method: IndexMethod;
  args: unknown[];
}

/**
 * Calls into the worker by message. A worker that dies fails the calls in flight with a clear
 * error and is started again by the next call, so one bad file cannot take search away for good.
 */
class WorkerIndex implements IndexClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private roots: IndexedRoot[] = [];

  constructor(
    private readonly paths: IndexPaths,
    private readonly events: IndexEvents,
    private readonly entry: WorkerEntry,
  ) {}

  setRoots(roots: IndexedRoot[]): Promise<void> {
    this.roots = roots;
    return this.call('setRoots', roots) as Promise<void>;
  }
  sync(): Promise<void> {
    return this.call('sync') as Promise<void>;
  }
  refresh(ref: SessionRef): Promise<void> {
    return this.call('refresh', ref) as Promise<void>;
  }
  rebuild(): Promise<void> {
    return this.call('rebuild') as Promise<void>;
  }
  page(query: { root?: string; offset: number; limit: number }): Promise<SessionPage> {
    return this.call('page', query) as Promise<SessionPage>;
  }
  search(request: SearchRequest): Promise<SearchResponse> {
    return this.call('search', request) as Promise<SearchResponse>;
  }
  summary(ref: SessionRef): Promise<SessionSummary | null> {
    return this.call('summary', ref) as Promise<SessionSummary | null>;
  }
  putSummary(summary: SessionSummary): Promise<void> {
    return this.call('putSummary', summary) as Promise<void>;
  }
  libraryStats(query: { root?: string; days: number | null }): Promise<LibraryStats> {
    return this.call('libraryStats', query) as Promise<LibraryStats>;
  }
  sessionStats(ref: SessionRef): Promise<SessionStats> {
    return this.call('sessionStats', ref) as Promise<SessionStats>;
  }
  find(ref: SessionRef, query: string, limit: number): Promise<IndexedFind | null> {
    return this.call('find', ref, query, limit) as Promise<IndexedFind | null>;
  }
  async lineIndex(path: string, facts: FileFacts): Promise<Uint8Array | null> {
    const bytes = await this.call('lineIndex', path, facts);
    return bytes instanceof Uint8Array ? bytes : null;
  }
  putLineIndex(path: string, facts: FileFacts, bytes: Uint8Array): Promise<void> {
    return this.callMoving([bytes], 'putLineIndex', path, facts, bytes) as Promise<void>;
  }
  status(): Promise<IndexStatus> {
    return this.call('status') as Promise<IndexStatus>;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    // The service closes its database before the thread ends, so no write is cut off mid-page.
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ id: 0, method: 'close', args: [] });
    });
  }

  private call(method: IndexMethod, ...args: unknown[]): Promise<unknown> {
    return this.callMoving([], method, ...args);
  }

  /** A call that hands over `moved` (see movable) rather than copying it into the worker. */
  private callMoving(moved: Uint8Array[], method: IndexMethod, ...args: unknown[]): Promise<unknown> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args } satisfies WorkerRequest, movable(moved));
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry.url, {
      workerData: this.paths,
      execArgv: this.entry.execArgv,
    });
    worker.on('message', (reply: WorkerReply) => this.receive(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.fail(new Error(`the search index stopped (exit code ${code})`));
    });
    this.worker = worker;
    if (this.roots.length > 0) worker.postMessage({ id: 0, method: 'setRoots', args: [this.roots] });
    return worker;
  }

  private receive(reply: WorkerReply): void {
    if ('event' in reply) {
      if (reply.event === 'progress') this.events.onProgress(reply.status);
      else this.events.onChanged(reply.roots);
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new AppError(reply.error.code, reply.error.message));
  }

  private fail(error: Error): void {
    const wire = toWireError(error);
    for (const waiting of this.pending.values()) waiting.reject(new AppError('io', wire.message));
    this.pending.clear();
  }
}
