import type { ServerResponse } from 'node:http';
import { eventNames } from '../shared/api';
import type { Library } from '../core/library';

/** Streams the library's events as server-sent events until the page goes away. */
export function streamEvents(library: Library, response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = eventNames.map((name) =>
    library.on(name, (payload) => response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
  );
  // Proxies and idle timers drop silent connections; a comment line keeps this one open.
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
  response.on('close', () => {
    clearInterval(keepAlive);
    for (const stop of unsubscribe) stop();
  });
}
