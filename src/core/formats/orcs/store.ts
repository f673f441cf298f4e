/**
 * ORCS's `LocalFileStore` (local.rs, formats.md §1.2): one pretty-printed JSON file per session,
 * `<id>.json`, in one directory. Same operations and semantics as the Rust trait, with the
 * differences a browser needs, each deliberate:
 * - list() also returns files it cannot read, marked damaged with the reason, where ORCS skips
 *   them silently; ids are file name stems (what load() takes), where ORCS reports the asset's
 *   own `id` field, which can differ.
 * - Nothing is created on construction (ORCS runs create_dir_all); only save() creates the folder,
 *   so browsing never leaves an empty ~/.orcs behind.
 * - Writes fsync the file and the directory; a rename edits the text in place (rename.ts) and
 *   refuses to replace a file that changed since it was read.
 */
import { lstat, mkdir, open, readdir, realpath, unlink } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { SessionAsset } from './asset';
import { AssetShapeError, decodeAssetText, parseAsset } from './asset';
import { fsyncDir } from '../../files';
import { writeAtomically } from './atomic';
import { FileCache } from './cache';
import type { FileFacts } from './cache';
import { OrcsStorageError, fromFsError } from './errors';
import { idFromFileName, sessionPath, tempPath } from './id';
import { JsonSyntaxError } from './json';
import { renameText } from './rename';
import { serializeAsset } from './serialize';

/** ORCS's listing DTO (store.rs `SessionMeta`), plus why a file could not be read. */
export interface SessionMeta {
  id: string;
  name: string | null;
  /** RFC 3339; null when the milliseconds are outside what a date can hold (ORCS shows "now"). */
  created_at: string | null;
  updated_at: string | null;
  project_path: string | null;
  turn_count: number;
  sync_state: 'LocalOnly';
  damaged: string | null;
}

/** store.rs `SyncStatus`; the local store is always offline. */
export interface SyncStatus {
  mode: 'Offline';
  last_sync: null;
  pending_uploads: number;
  pending_downloads: number;
  conflicts: string[];
}

/** The `SessionStore` trait (store.rs). */
export interface SessionStore {
  save(asset: SessionAsset): Promise<void>;
  load(id: string): Promise<SessionAsset>;
  list(): Promise<SessionMeta[]>;
  delete(id: string): Promise<void>;
  exists(id: string): Promise<boolean>;
  syncStatus(): SyncStatus;
}

/** What a listing needs from one file, small enough to keep for every session in a root. */
export interface SessionDigest {
  id: string;
  path: string;
  sizeBytes: number;
  /** The fields below are null (and turnCount 0) when the file is damaged; `damaged` says why. */
  name: string | null;
  createdAtMs: bigint | null;
  updatedAtMs: bigint | null;
  rootPath: string | null;
  turnCount: number;
  /** The first user turn with any text, cut short, for a title when the session has no name. */
  firstUserText: string | null;
  damaged: string | null;
}

export interface StoreOptions {
  /** Test seam: runs after a rewrite's temp file is written and before the file is replaced. */
  beforeCommit?: () => Promise<void>;
  now?: () => number;
}

interface ReadFile {
  bytes: Buffer;
  facts: FileFacts;
  mode: number;
}

export interface Loaded {
  digest: SessionDigest;
  asset: SessionAsset | null;
}

/** Enough of a user turn to make a title of; titles are one line of at most 80 characters. */
const FIRST_TEXT_LIMIT = 400;
/** Parsed assets are large; digests are small. Keep a few of the first and all of the second. */
const ASSET_CACHE_SIZE = 4;
const DIGEST_CACHE_SIZE = 20_000;
const LIST_CONCURRENCY = 16;

export class LocalFileStore implements SessionStore {
  readonly basePath: string;
  private readonly options: StoreOptions;
  private readonly assets = new FileCache<SessionAsset>(ASSET_CACHE_SIZE);
  private readonly digests = new FileCache<SessionDigest>(DIGEST_CACHE_SIZE);

  constructor(basePath: string, options: StoreOptions = {}) {
    this.basePath = resolve(basePath);
    this.options = options;
  }

  async save(asset: SessionAsset): Promise<void> {
    const path = sessionPath(this.basePath, asset.id);
    await mkdir(this.basePath, { recursive: true }).catch((error: unknown) => {
      throw fromFsError(error, this.basePath);
    });
    await writeAtomically({ path, tempPath: tempPath(this.basePath, asset.id), text: serializeAsset(asset) });
  }

  async load(id: string): Promise<SessionAsset> {
    const { asset, digest } = await this.session(id);
    if (!asset)
      throw new OrcsStorageError('Serialization', `session ${id} cannot be read: ${digest.damaged ?? ''}`);
    return asset;
  }

  async list(): Promise<SessionMeta[]> {
    return (await this.scan()).map(metaOf);
  }

  async delete(id: string): Promise<void> {
    const path = sessionPath(this.basePath, id);
    await this.statSession(id);
    try {
      await unlink(path);
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    }
    this.forget(path);
    await fsyncDir(this.basePath);
  }

  async exists(id: string): Promise<boolean> {
    const path = sessionPath(this.basePath, id);
    try {
      await lstat(path);
      return true;
    } catch (error) {
      const mapped = fromFsError(error, `session ${id}`);
      if (mapped.kind === 'NotFound') return false;
      throw mapped;
    }
  }

  syncStatus(): SyncStatus {
    return { mode: 'Offline', last_sync: null, pending_uploads: 0, pending_downloads: 0, conflicts: [] };
  }

  /** Ids of every session file in the folder, from its names alone. */
  async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(this.basePath, { withFileTypes: true }))
        // Not isFile(): some file systems report every entry's type as unknown.
        .filter((entry) => !entry.isDirectory())
        .map((entry) => entry.name);
    } catch (error) {
      throw fromFsError(error, this.basePath);
    }
    return names.map(idFromFileName).filter((id): id is string => id !== null);
  }

  /** Every session file in the folder, damaged ones included, newest `updated_at_ms` first. */
  async scan(): Promise<SessionDigest[]> {
    const ids = await this.ids();
    const found: SessionDigest[] = [];
    for (let i = 0; i < ids.length; i += LIST_CONCURRENCY) {
      const batch = await Promise.all(ids.slice(i, i + LIST_CONCURRENCY).map((id) => this.digestOrSkip(id)));
      for (const digest of batch) if (digest) found.push(digest);
    }
    return found.sort(newestFirst);
  }

  async digest(id: string): Promise<SessionDigest> {
    return (await this.session(id, { keepAsset: false })).digest;
  }

  /** The session's parsed asset (or why it has none), from cache while the file is unchanged. */
  async session(id: string, { keepAsset = true } = {}): Promise<Loaded> {
    const path = sessionPath(this.basePath, id);
    const facts = await this.statSession(id);
    const digest = this.digests.get(path, facts);
    const asset = this.assets.get(path, facts);
    if (digest && (asset || digest.damaged !== null || !keepAsset)) return { digest, asset: asset ?? null };

    const file = await this.readSession(id);
    const parsed = readAsset(file.bytes);
    const fresh = digestOf(id, path, file.facts.size, parsed);
    this.digests.set(path, file.facts, fresh);
    if (parsed.asset && keepAsset) this.assets.set(path, file.facts, parsed.asset);
    return { digest: fresh, asset: parsed.asset };
  }

  /**
   * Sets `project_context.name` and `updated_at_ms` (to now) by editing the file's text, so every
   * other byte stays as it was. Refuses a damaged file, and a file that changes under it twice.
   */
  /** `null` writes `"name": null`, which ORCS reads as no name: an undo of a first rename. */
  async rename(id: string, name: string | null): Promise<SessionDigest> {
    if (name !== null && /\p{Surrogate}/u.test(name)) {
      throw new OrcsStorageError('InvalidPath', 'a name cannot hold unpaired UTF-16 surrogates');
    }
    const path = sessionPath(this.basePath, id);
    for (let attempt = 0; attempt < 2; attempt++) {
      const file = await this.readSession(id);
      const parsed = readAsset(file.bytes);
      if (!parsed.asset || parsed.text === null) {
        throw new OrcsStorageError(
          'Serialization',
          `refusing to rewrite a damaged session: ${parsed.damaged ?? ''}`,
        );
      }
      const now = BigInt((this.options.now ?? Date.now)());
      const committed = await writeAtomically({
        path,
        tempPath: tempPath(this.basePath, id),
        text: renameText(parsed.text, name, now),
        mode: file.mode,
        stillValid: async () => {
          await this.options.beforeCommit?.();
          const current = await this.readSession(id).catch(() => null);
          return current !== null && current.bytes.equals(file.bytes);
        },
      });
      if (!committed) continue;
      const asset: SessionAsset = {
        ...parsed.asset,
        updated_at_ms: now,
        project_context: { ...parsed.asset.project_context, name },
      };
      const digest = digestOf(id, path, committed.size, { asset, text: null, damaged: null });
      this.digests.set(path, committed, digest);
      this.assets.set(path, committed, asset);
      return digest;
    }
    throw new OrcsStorageError(
      'Conflict',
      `session ${id} changed on disk while it was being renamed; nothing was written`,
    );
  }

  /** A listed file's digest; one that cannot even be read is listed as damaged, never fatal. */
  private async digestOrSkip(id: string): Promise<SessionDigest | null> {
    try {
      return await this.digest(id);
    } catch (error) {
      if (error instanceof OrcsStorageError && error.kind === 'NotFound') return null;
      const reason = error instanceof Error ? error.message : String(error);
      return digestOf(id, sessionPath(this.basePath, id), 0, { asset: null, text: null, damaged: reason });
    }
  }

  /** The file's facts; symlinks must stay inside the folder, and only regular files are sessions. */
  private async statSession(id: string): Promise<FileFacts> {
    const path = sessionPath(this.basePath, id);
    try {
      let s = await lstat(path);
      if (s.isSymbolicLink()) {
        const [target, base] = await Promise.all([realpath(path), realpath(this.basePath)]);
        if (!target.startsWith(base + sep)) {
          throw new OrcsStorageError('InvalidPath', `session ${id} links outside the sessions folder`);
        }
        s = await lstat(target);
      }
      if (!s.isFile()) throw new OrcsStorageError('NotFound', `session ${id} is not a file`);
      return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    }
  }

  private async readSession(id: string): Promise<ReadFile> {
    await this.statSession(id);
    const path = sessionPath(this.basePath, id);
    try {
      const handle = await open(path, 'r');
      try {
        const s = await handle.stat();
        const bytes = await handle.readFile();
        return { bytes, facts: { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino }, mode: s.mode & 0o777 };
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    }
  }

  private forget(path: string): void {
    this.assets.delete(path);
    this.digests.delete(path);
  }
}

interface Parsed {
  asset: SessionAsset | null;
  text: string | null;
  damaged: string | null;
}

function readAsset(bytes: Uint8Array): Parsed {
  try {
    const text = decodeAssetText(bytes);
    return { asset: parseAsset(text), text, damaged: null };
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      return { asset: null, text: null, damaged: `not valid JSON: ${error.message}` };
    if (error instanceof AssetShapeError) return { asset: null, text: null, damaged: error.message };
    throw error;
  }
}

function digestOf(id: string, path: string, sizeBytes: number, { asset, damaged }: Parsed): SessionDigest {
  if (!asset) {
    return {
      id,
      path,
      sizeBytes,
      name: null,
      createdAtMs: null,
      updatedAtMs: null,
      rootPath: null,
      turnCount: 0,
      firstUserText: null,
      damaged: damaged ?? 'unreadable',
    };
  }
  const firstUser = asset.history.turns.find(
    (t) => t.role.toLowerCase() === 'user' && t.content.trim() !== '',
  );
  return {
    id,
    path,
    sizeBytes,
    name: detached(asset.project_context.name),
    createdAtMs: asset.created_at_ms,
    updatedAtMs: asset.updated_at_ms,
    rootPath: detached(asset.project_context.root_path),
    turnCount: asset.history.turns.length,
    firstUserText: detached(firstUser ? firstUser.content.trimStart().slice(0, FIRST_TEXT_LIMIT) : null),
    damaged: null,
  };
}

/**
 * A copy that shares no memory with the file's text. The JSON reader's strings are V8 slices of
 * the whole file, so one kept in the (large) digest cache would keep every byte of the file
 * alive: measured, 1.5 GB held for 3,000 sessions.
 */
function detached(text: string | null): string | null {
  return text === null ? null : Buffer.from(text, 'utf8').toString('utf8');
}

function newestFirst(a: SessionDigest, b: SessionDigest): number {
  if (a.updatedAtMs !== null && b.updatedAtMs !== null && a.updatedAtMs !== b.updatedAtMs) {
    return a.updatedAtMs > b.updatedAtMs ? -1 : 1;
  }
  if ((a.updatedAtMs === null) !== (b.updatedAtMs === null)) return a.updatedAtMs === null ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Milliseconds since the epoch as ISO 8601, or null outside the range a Date can hold. */
export function isoFromMs(ms: bigint | null): string | null {
  if (ms === null || ms > 8_640_000_000_000_000n) return null;
  return new Date(Number(ms)).toISOString();
}

function metaOf(d: SessionDigest): SessionMeta {
  return {
    id: d.id,
    name: d.name,
    created_at: isoFromMs(d.createdAtMs),
    updated_at: isoFromMs(d.updatedAtMs),
    project_path: d.rootPath,
    turn_count: d.turnCount,
    sync_state: 'LocalOnly',
    damaged: d.damaged,
  };
}
