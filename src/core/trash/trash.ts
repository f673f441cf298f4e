import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { AppError } from '../../shared/errors';
import type { FormatId } from '../../shared/model';
import { fsyncDir, moveNoClobber, sha256File } from '../files';
import { fromFsError } from '../fs-errors';
import { renameRetrying, retryingWhileLocked } from '../rename-retry';
import { manifestSchema } from './manifest';
import type { TrashManifest } from './manifest';
import { parseJsonOrUndefined } from '../json';

export interface TrashRequest {
  format: FormatId;
  root: { id: string; path: string };
  sessionId: string;
  title: string;
  files: string[];
}

/**
 * The app trash in the app-data directory: a delete moves the session's files here with a
 * manifest, and a restore puts them back byte-identical or reports a conflict.
 */
export class Trash {
  constructor(private readonly dir: string) {}

  async put(request: TrashRequest): Promise<string> {
    const trashId = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    const itemDir = join(this.dir, trashId);
    // Made under a name the list passes over and renamed into place with its first record, so a
    // kill never leaves an item without one. A leftover holds no session file (nothing moves
    // before the rename) and is left alone: removing it could race another process's delete.
    const staging = join(this.dir, `${STAGING}${trashId}`);
    await mkdir(join(staging, 'files'), { recursive: true });
    const files = request.files.map((original, index) => ({
      original,
      stored: join('files', `${index}-${basename(original)}`),
      size: 0,
      sha256: '',
    }));
    const manifest: TrashManifest = {
      version: 1,
      trashId,
      state: 'moving',
      deletedAt: new Date().toISOString(),
      format: request.format,
      root: request.root,
      sessionId: request.sessionId,
      title: request.title,
      files,
    };
    try {
      await this.writeManifest(manifest, staging);
      await renameRetrying(staging, itemDir);
      // Durable before any file moves in: a power cut must not take the item's name back.
      await fsyncDir(this.dir);
    } catch (error) {
      // Nothing has moved yet: whichever name the empty item has, it goes.
      await rm(staging, { recursive: true, force: true });
      await rm(itemDir, { recursive: true, force: true });
      throw fromFsError(error, 'the trash record');
    }
    for (const file of files) {
      const stored = join(itemDir, file.stored);
      try {
        await moveNoClobber(file.original, stored);
      } catch (error) {
        throw fromFsError(error, file.original);
      }
      // Hashed after the move, so whatever an agent appended up to the last moment is recorded.
      file.sha256 = await sha256File(stored);
      file.size = (await stat(stored)).size;
    }
    await this.writeManifest({ ...manifest, state: 'trashed', files });
    return trashId;
  }

  async restore(trashId: string): Promise<TrashManifest> {
    const manifest = await this.read(trashId);
    const itemDir = join(this.dir, trashId);
    // A delete cut short by a crash ("moving") may have moved only some files; those still in
    // place need nothing, and only the ones in the trash come back.
    const held = [];
    for (const file of manifest.files) {
      const stored = join(itemDir, file.stored);
      if (await exists(stored)) held.push({ ...file, stored });
      else if (manifest.state === 'trashed' && !(await isBack(file))) {
        throw new AppError('corrupt', `the trash copy of ${file.original} is missing`);
      }
    }
    const moving = [];
    for (const file of held) {
      if (await sameFile(file.stored, file.original)) {
        // A move killed between its link and its unlink: the original is already back in place.
        await unlink(file.stored);
        continue;
      }
      if (await exists(file.original)) {
        throw new AppError('conflict', `${file.original} exists again; nothing was overwritten`);
      }
      moving.push(file);
    }
    for (const file of moving) {
      try {
        await moveNoClobber(file.stored, file.original);
      } catch (error) {
        throw fromFsError(error, file.original);
      }
      if (file.sha256 && (await sha256File(file.original)) !== file.sha256) {
        throw new AppError(
          'corrupt',
          `${file.original} was restored but its bytes differ from the trash record`,
        );
      }
    }
    // Out of the list in one step, as a purge does, so a kill while emptying it leaves no item
    // without its record.
    const leaving = join(this.dir, `${PURGING}${trashId}`);
    await renameRetrying(itemDir, leaving);
    await rm(leaving, { recursive: true, force: true });
    return manifest;
  }

  /** Every item, newest first; an item whose record is unreadable is left alone and not listed. */
  async list(): Promise<TrashManifest[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fromFsError(error, 'the trash');
    }
    const items: TrashManifest[] = [];
    for (const name of names) {
      if (name.startsWith('.')) {
        // A purge killed part way: the item was already out of the list, so finish it.
        if (name.startsWith(PURGING)) await rm(join(this.dir, name), { recursive: true, force: true });
        continue;
      }
      try {
        items.push(await this.read(name));
      } catch {
        continue;
      }
    }
    return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /**
   * Removes an item for good. It is first renamed out of the list in one step, so a purge cut
   * short never leaves a half-emptied item that looks restorable; `discard` then disposes of each
   * file (the system trash in Electron, a real delete elsewhere).
   */
  async purge(trashId: string, discard: (path: string) => Promise<void>): Promise<TrashManifest> {
    const manifest = await this.read(trashId);
    const purging = join(this.dir, `${PURGING}${trashId}`);
    try {
      await renameRetrying(join(this.dir, trashId), purging);
    } catch (error) {
      throw fromFsError(error, `trash item ${trashId}`);
    }
    for (const file of manifest.files) {
      const stored = join(purging, file.stored);
      if (await exists(stored)) await discard(stored);
    }
    await rm(purging, { recursive: true, force: true });
    return manifest;
  }

  async read(trashId: string): Promise<TrashManifest> {
    let text: string;
    try {
      text = await readFile(join(this.dir, trashId, 'manifest.json'), 'utf8');
    } catch (error) {
      throw fromFsError(error, `trash item ${trashId}`);
    }
    const parsed = manifestSchema.safeParse(parseJsonOrUndefined(text));
    if (!parsed.success) throw new AppError('corrupt', `the trash record of ${trashId} is unreadable`);
    return parsed.data;
  }

  private async writeManifest(
    manifest: TrashManifest,
    itemDir = join(this.dir, manifest.trashId),
  ): Promise<void> {
    const path = join(itemDir, 'manifest.json');
    // write-file-atomic (v7) renames with a plain fs.rename, no retry on Windows; a failed try
    // removes its temp file and leaves the old record whole, so the write is retried.
    await retryingWhileLocked(() =>
      writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`, { fsync: true }),
    );
  }
}

/** An item on its way out (purged or restored), already out of the list; the next list finishes it. */
const PURGING = '.purging-';
/** An item being made, not yet in the list. */
const STAGING = '.new-';

/**
 * A file a restore cut short had already put back: not in the trash any more, but in place with
 * the bytes the trash recorded.
 */
async function isBack(file: { original: string; sha256: string }): Promise<boolean> {
  if (file.sha256 === '' || !(await exists(file.original))) return false;
  return (await sha256File(file.original)) === file.sha256;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [one, two] = await Promise.all([stat(a), stat(b)]);
    return one.dev === two.dev && one.ino === two.ino;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
