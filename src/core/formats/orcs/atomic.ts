/**
 * Crash-safe replacement of one session file: temp → fsync → rename → fsync directory.
 *
 * Hand-written rather than write-file-atomic because the temp file must be ORCS's own
 * `.<id>.json.tmp` (local.rs `temp_path`): ORCS's list() skips dot-files, so a crash leaves
 * only what ORCS itself would leave, while write-file-atomic picks a hashed name of its own.
 */
import { open, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from '../../files';
import { renameRetrying } from '../../rename-retry';
import type { FileFacts } from './cache';
import { OrcsStorageError, fromFsError } from './errors';

/** A temp file older than this is a crashed save's leftover, not a save in progress. */
const STALE_TEMP_MS = 30_000;

export interface AtomicWrite {
  path: string;
  tempPath: string;
  text: string;
  /** File mode for the new file, so a rename keeps a private session private. */
  mode?: number;
  /**
   * Called after the temp file is durable and just before the rename; returning false abandons
   * the write (the temp file is removed). Used to refuse to replace a file someone else changed.
   */
  stillValid?: () => Promise<boolean>;
}

/** Replaces `path` with `text`; returns the new file's facts, or null when `stillValid` said no. */
export async function writeAtomically(write: AtomicWrite): Promise<FileFacts | null> {
  const handle = await createTemp(write.tempPath, write.mode ?? 0o644);
  let facts: FileFacts;
  try {
    try {
      await handle.writeFile(write.text, 'utf8');
      if (write.mode !== undefined) await handle.chmod(write.mode);
      await handle.sync();
      const s = await handle.stat();
      facts = { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
    } finally {
      await handle.close();
    }
    if (write.stillValid && !(await write.stillValid())) {
      await unlink(write.tempPath);
      return null;
    }
    await renameRetrying(write.tempPath, write.path);
  } catch (error) {
    await unlink(write.tempPath).catch(() => undefined);
    throw fromFsError(error, write.path);
  }
  await fsyncDir(dirname(write.path));
  return facts;
}

/**
 * Exclusive create, so we never write into a temp file ORCS is filling at the same moment; a
 * stale one (a crash's leftover, which ORCS itself would simply overwrite) is replaced.
 */
async function createTemp(tempPath: string, mode: number): Promise<FileHandle> {
  try {
    return await open(tempPath, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fromFsError(error, tempPath);
  }
  const age = Date.now() - (await stat(tempPath).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
  if (age < STALE_TEMP_MS) {
    throw new OrcsStorageError('Conflict', 'ORCS is saving this session right now; try again in a moment');
  }
  await unlink(tempPath).catch(() => undefined);
  try {
    return await open(tempPath, 'wx', mode);
  } catch (error) {
    throw fromFsError(error, tempPath);
  }
}
