/** The thread that reads session files for the index writer; see reader-client.ts for the other end. */
import { parentPort } from 'node:worker_threads';
import { toWireError } from '../../shared/errors';
import { DocReader } from './reader';
import type { ReaderReply, ReaderRequest } from './reader-client';

const port = parentPort;
if (!port) throw new Error('the index reader runs only as a worker thread');
const reader = new DocReader();

port.on('message', (request: ReaderRequest) => {
  void reader.read(request.read).then(
    (page) => port.postMessage({ id: request.id, ok: true, page } satisfies ReaderReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: toWireError(error) } satisfies ReaderReply),
  );
});
