import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fsyncDir } from './files';
import { fromFsError } from './fs-errors';

/**
 * Streams chunks into a hidden temporary file beside the target, then renames it over the
 * target: an interrupted write leaves whatever was there before, never half a document. The
 * target is replaced, since naming it as the place to write is asking for that.
 */
export async function writeFileAtomically(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await pipeline(chunks, createWriteStream(temp, { flags: 'wx', flush: true }));
    await rename(temp, path);
    await fsyncDir(dirname(path));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw fromFsError(error, path);
  }
}
