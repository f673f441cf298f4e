import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { AppError } from '../../shared/errors';
import type { FormatId } from '../../shared/model';
import { moveNoClobber, sha256File } from '../files';
import { fromFsError } from '../fs-errors';
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
    await mkdir(join(itemDir, 'files'), { recursive: true });
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
      await this.writeManifest(manifest);
    } catch (error) {
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
      else if (manifest.state === 'trashed') {
        throw new AppError('corrupt', `the trash copy of ${file.original} is missing`);
      }
    }
    for (const file of held) {
      if (await exists(file.original)) {
        throw new AppError('conflict', `${file.original} exists again; nothing was overwritten`);
      }
    }
    for (const file of held) {
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
    await rm(itemDir, { recursive: true, force: true });
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

  private async writeManifest(manifest: TrashManifest): Promise<void> {
    const path = join(this.dir, manifest.trashId, 'manifest.json');
    await writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`, { fsync: true });
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
