import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Requests must name our own loopback address in Host (DNS rebinding sends a foreign Host) and,
 * when a browser sends an Origin, come from our own origin (another site's page cannot call us).
 */
export function allowedOrigin(request: IncomingMessage, port: number): boolean {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!hosts.has(request.headers.host ?? '')) return false;
  const origin = request.headers.origin;
  return origin === undefined || [...hosts].some((host) => origin === `http://${host}`);
}

/** The per-launch token, compared in constant time; it arrives as a header, or a query for EventSource. */
export function hasToken(request: IncomingMessage, url: URL, token: string): boolean {
  const given = request.headers['x-sessionscope-token'] ?? url.searchParams.get('token') ?? '';
  const a = Buffer.from(String(given));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
