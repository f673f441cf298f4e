/** The worker thread that owns the index database; see client.ts for the other end. */
import { parentPort, workerData } from 'node:worker_threads';
import { toWireError } from '../../shared/errors';
import type { SessionRef, SessionSummary } from '../../shared/model';
import type { SearchRequest } from '../../shared/search';
import type { IndexMethod, IndexPaths, WorkerReply, WorkerRequest } from './client';
import { IndexService } from './service';
import type { IndexedRoot } from './service';

const port = parentPort;
if (!port) throw new Error('the index worker runs only as a worker thread');
const paths = workerData as IndexPaths;

const post = (reply: WorkerReply): void => port.postMessage(reply);
const service = IndexService.open({
  ...paths,
  onProgress: (status) => post({ event: 'progress', status }),
  onChanged: (roots) => post({ event: 'changed', roots }),
});

// Arguments were validated by the contract before they reached the Library.
const methods: Record<IndexMethod, (...args: never[]) => unknown> = {
  setRoots: (roots: IndexedRoot[]) => service.setRoots(roots),
  sync: () => service.sync(),
  refresh: (ref: SessionRef) => service.refresh(ref),
  rebuild: () => service.rebuild(),
  page: (query: { root?: string; offset: number; limit: number }) => service.page(query),
  search: (request: SearchRequest) => service.search(request),
  summary: (ref: SessionRef) => service.summary(ref),
  putSummary: (summary: SessionSummary) => service.putSummary(summary),
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
      if (request.id !== 0) post({ id: request.id, ok: true, value: value ?? null });
    } catch (error) {
      if (request.id !== 0) post({ id: request.id, ok: false, error: toWireError(error) });
    }
  })();
});
