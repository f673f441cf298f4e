import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes and waits while the stream is full, so paging through a multi-gigabyte session holds
 * one page in memory rather than the whole transcript queued behind a slow pipe.
 */
export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
