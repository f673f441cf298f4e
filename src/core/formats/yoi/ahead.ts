/**
 * Sequential reads served from a read issued one chunk ahead: the next chunk is read on the
 * thread pool while this one is hashed, which on a two-core machine is most of the time
 * verification otherwise spends waiting. Serving a read costs one copy of the chunk.
 */
import type { FileHandle } from 'node:fs/promises';

interface Pending {
  position: number;
  length: number;
  buffer: Buffer;
  bytesRead: Promise<number>;
}

/** `handle` read up to `end`, for a reader that asks for consecutive ranges of equal length. */
export function readingAhead(handle: FileHandle, end: number): Pick<FileHandle, 'read'> {
  let pending: Pending | null = null;
  let spare: Buffer | null = null;

  const issue = (position: number, length: number): Pending => {
    const buffer = spare !== null && spare.length >= length ? spare : Buffer.allocUnsafe(length);
    spare = null;
    const bytesRead = handle.read(buffer, 0, length, position).then((r) => r.bytesRead);
    // A read ahead that nobody comes for (the scan stopped) must not fail unhandled.
    bytesRead.catch(() => undefined);
    return { position, length, buffer, bytesRead };
  };

  const read = async (buffer: Buffer, offset: number, length: number, position: number) => {
    const current =
      pending !== null && pending.position === position && pending.length === length
        ? pending
        : issue(position, length);
    pending = null;
    const bytesRead = await current.bytesRead;
    current.buffer.copy(buffer, offset, 0, bytesRead);
    spare = current.buffer;
    const next = position + bytesRead;
    if (bytesRead > 0 && next < end) pending = issue(next, Math.min(length, end - next));
    return { bytesRead, buffer };
  };
  return { read } as Pick<FileHandle, 'read'>;
}
