/**
 * Serves the built renderer on `app://sessionscope/`. Only files inside the renderer directory
 * can be reached, and every response, errors included, carries the shared CSP as a header: the
 * header is the delivery the Electron security checklist prefers over `<meta>` (#7).
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from '../shared/csp';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/**
 * `standard` gives the scheme real origins and relative URLs, `secure` makes it a secure context,
 * `supportFetchAPI` lets the page load its own modules. `corsEnabled` stays off: it would let
 * other origins read our responses (electron/electron#52912). Must be registered before `ready`.
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a request URL to a file under `rootDir`, or null. The URL parser already folds `..` and
 * `%2e%2e` segments, so this also refuses what only appears after percent-decoding (`%2f`, `%5c`,
 * NUL), backslashes, drive letters and empty segments, then checks containment once more.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const path = decoded === '' || decoded === '/' ? '/index.html' : decoded;
  const segments = path.slice(1).split('/');
  if (!path.startsWith('/') || segments.some((segment) => !isPlainSegment(segment))) return null;

  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  return isInside(root, file) ? file : null;
}

function isPlainSegment(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[\\:\0]/.test(segment);
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function respond(
  status: number,
  body: Uint8Array | string | null,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Security-Policy': contentSecurityPolicy,
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The `protocol.handle` callback for the renderer directory `rootDir`. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    const file = resolveAppPath(rootDir, request.url);
    if (file === null) return respond(404, 'Not found');
    try {
      // A symlink inside the build could still point outside it.
      const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
      if (!isInside(realRoot, realFile)) return respond(404, 'Not found');
      const body = await readFile(realFile);
      const type = contentTypes[extname(realFile).toLowerCase()] ?? 'application/octet-stream';
      return respond(200, request.method === 'HEAD' ? null : body, type);
    } catch {
      return respond(404, 'Not found');
    }
  };
}
