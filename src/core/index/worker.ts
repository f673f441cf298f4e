/** The worker thread that owns the index database; see client.ts for the other end. */
import { parentPort, workerData } from 'node:worker_threads';
import { toWireError } from '../../shared/errors';
import type { SessionRef, SessionSummary } from '../../shared/model';
import type { SearchRequest } from '../../shared/search';
import { useStoredDigests } from '../formats/yoi/store';
import { useStoredLineIndexes } from '../formats/zeroclaw/store';
import type { FileFacts, LineIndexStore } from '../jsonl';
import type { IndexMethod, IndexPaths, WorkerReply, WorkerRequest } from './client';
import { IndexService } from './service';
import { movable } from './transfer';
import type { IndexedRoot } from './root';

const port = parentPort;
if (!port) throw new Error('the index worker runs only as a worker thread');
const paths = workerData as IndexPaths;

const post = (reply: WorkerReply, moved: Uint8Array[] = []): void => port.postMessage(reply, movable(moved));
const service = IndexService.open({
  ...paths,
  onProgress: (status) => post({ event: 'progress', status }),
  onChanged: (roots) => post({ event: 'changed', roots }),
});

// This thread owns the database, so the sessions it reads keep their line indexes (and yoi logs
// their digests) there directly.
const lineIndexes = service.lineIndexes();
const storedLineIndexes: LineIndexStore = {
  load: async (path, facts) => lineIndexes.get(path, facts),
  save: async (path, facts, bytes) => lineIndexes.put(path, facts, bytes),
};
useStoredLineIndexes(storedLineIndexes);
useStoredDigests(storedLineIndexes);

// Arguments were validated by the contract before they reached the Library.
const methods: Record<IndexMethod, (...args: never[]) => unknown> = {
  setRoots: (roots: IndexedRoot[]) => service.setRoots(roots),
  sync: () => service.sync(),
  refresh: (ref: SessionRef) => service.refresh(ref),
  rebuild: () => service.rebuild(),
  page: (query: { root?: string; offset: number; limit: number }) => service.page(query),
  search: (request: SearchRequest) => service.search(request),
  summary: (ref: SessionRef) => service.summary(ref),
  find: (ref: SessionRef, query: string, limit: number) => service.find(ref, query, limit),
  putSummary: (summary: SessionSummary) => service.putSummary(summary),
  libraryStats: (query: { root?: string; days: number | null }) => service.libraryStats(query),
  sessionStats: (ref: SessionRef) => service.sessionStats(ref),
  lineIndex: (path: string, facts: FileFacts) => lineIndexes.get(path, facts),
  putLineIndex: (path: string, facts: FileFacts, bytes: Uint8Array) => lineIndexes.put(path, facts, bytes),
  status: () => service.status(),
};

port.on('message', (request: WorkerRequest | { id: 0; method: 'close' }) => {
  if (request.method === 'close') {
    // Ends this thread only; the database is closed first, so no page is cut off mid-write.
    void service.close().finally(() => process.exit(0));
    return;
  }
  const run = methods[request.method] as ((...args: unknown[]) => unknown) | undefined;
  void (async () => {
    try {
      if (!run) throw new Error(`no index method ${String(request.method)}`);
      const value = await run(...request.args);
      // A stored line index is sent, not copied: nothing here keeps it.
      const moved = value instanceof Uint8Array ? [value] : [];
      if (request.id !== 0) post({ id: request.id, ok: true, value: value ?? null }, moved);
    } catch (error) {
      if (request.id !== 0) post({ id: request.id, ok: false, error: toWireError(error) });
    }
  })();
});
