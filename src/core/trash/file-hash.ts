import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';

/** A file's SHA-256 as read, with the hash still open so bytes appended later can be added. */
export interface FileHashState {
  sha256: string | null;
  size: number;
  live: Hash | null;
}

const CHUNK = 1 << 20;

/** Null for a file that does not exist; any other read error is reported, not recorded as absent. */
export async function hashState(file: string): Promise<FileHashState> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      hash.update(chunk);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sha256: null, size: 0, live: null };
    throw new AppError('io', `${file} could not be read to record its hash`);
  }
  return { sha256: hash.copy().digest('hex'), size, live: hash };
}

/**
 * The hash after an append, reading only the bytes past the ones already hashed: an append to a
 * multi-GB session must not read it through twice. Only for writes that never change earlier bytes.
 */
export async function hashGrown(file: string, before: FileHashState): Promise<string | null> {
  if (!before.live) return (await hashState(file)).sha256;
  const hash = before.live.copy();
  try {
    await pipeline(createReadStream(file, { start: before.size, highWaterMark: CHUNK }), hash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('io', `${file} could not be read to record its hash`);
  }
  return hash.digest('hex');
}
