import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { dispatch } from '../core/dispatch';
import type { Library } from '../core/library';
import { parseJsonOrUndefined } from '../core/json';
import { streamEvents } from './events';
import { sendExport } from './export';
import { allowedOrigin, hasToken } from './guard';
import { sendJson, setSecurityHeaders } from './headers';

export interface ServerOptions {
  library: Library;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port: number;
  /** For tests; a launch gets a fresh random one. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const callPrefix = '/api/call/';
const exportPrefix = '/api/export/';

/** Serves the renderer and the contract on 127.0.0.1 only, behind the token and the origin checks. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const assets = sirv(options.rendererDir, { single: true, dotfiles: false, etag: true });
  let port = 0;

  const server: Server = createServer((request, response) => {
    setSecurityHeaders(response);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!allowedOrigin(request, port)) return sendJson(response, 403, { error: 'forbidden host or origin' });
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, {});
      return assets(request, response, () => sendJson(response, 404, {}));
    }
    if (!hasToken(request, url, token)) return sendJson(response, 401, { error: 'missing or wrong token' });
    if (url.pathname === '/api/events' && request.method === 'GET')
      return streamEvents(options.library, response);
    if (url.pathname.startsWith(exportPrefix) && request.method === 'GET') {
      return void sendExport(options.library, url.pathname.slice(exportPrefix.length), response);
    }
    if (url.pathname.startsWith(callPrefix) && request.method === 'POST') {
      return void answerCall(options.library, url.pathname.slice(callPrefix.length), request, response);
    }
    return sendJson(response, 404, {});
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answerCall(
  library: Library,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readBody(request);
  if (body === null) {
    response.setHeader('Connection', 'close');
    return sendJson(response, 413, { error: 'request too large' });
  }
  const input = body.length === 0 ? {} : parseJsonOrUndefined(body);
  if (input === undefined) {
    return sendJson(response, 200, {
      ok: false,
      error: { code: 'invalid_input', message: 'the request body is not JSON' },
    });
  }
  sendJson(response, 200, await dispatch(library.handlers, name, input));
}

/** The body as text, or null past the limit; an oversized body is drained, not kept, so the answer still arrives. */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(request.headers['content-length'] ?? 0);
    if (size > maxBodyBytes) {
      request.resume();
      resolve(null);
      return;
    }
    size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
