import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import type { FormatId, RootInfo, RootOrigin, SearchedPlace } from '../shared/model';
import type { Environment, FormatStore } from './formats/format';
import { adapterFor, adapters } from './formats/registry';
import { emptyStore } from './empty-store';

export interface Root extends RootInfo {
  store: FormatStore;
}

/** A root's id is derived from its path so it is stable across launches and never a path. */
export function rootId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Every format's default places; the first existing one of each format becomes a root. */
export async function searchedPlaces(env: Environment): Promise<SearchedPlace[]> {
  const places = await Promise.all(adapters.map((adapter) => adapter.defaultPlaces(env)));
  return places.flat();
}

/**
 * Opens roots and keeps each one's store for the life of the Library, so a store's caches (a
 * parsed session, a line index) serve every later call instead of being rebuilt per request.
 */
export class RootOpener {
  private readonly stores = new Map<string, FormatStore>();
  private readonly detected = new Map<string, FormatId>();
  private readonly readOnly: Set<string>;

  /** `readOnly`: directories whose roots the app never writes to, however they were named. */
  constructor(readOnly: string[] = []) {
    this.readOnly = new Set(readOnly.map((path) => resolve(path)));
  }

  open(path: string, format: FormatId | null, origin: RootOrigin, exists = true): Root {
    const id = rootId(path);
    const key = `${format}\0${path}`;
    let store = this.stores.get(key);
    if (!store) {
      store = format ? adapterFor(format).open({ id, path }) : emptyStore;
      if (format) this.stores.set(key, store);
    }
    return { id, path, format, origin, exists, readOnly: this.readOnly.has(resolve(path)), store };
  }

  /** Drops what is kept about a directory, so its format is detected and its files read anew. */
  forget(path: string): void {
    this.detected.delete(path);
    for (const format of adapters.map((adapter) => adapter.id)) this.stores.delete(`${format}\0${path}`);
  }

  /** Directories named on a command line: only they are used, each with its detected format. */
  async explicit(paths: string[], cwd: string): Promise<Root[]> {
    const unique = [...new Set(paths.map((path) => resolve(cwd, path)))];
    return Promise.all(unique.map(async (path) => this.open(path, await this.detect(path), 'cli')));
  }

  async discovered(env: Environment): Promise<Root[]> {
    const roots: Root[] = [];
    for (const adapter of adapters) {
      const place = (await adapter.defaultPlaces(env))[0];
      if (place?.exists) roots.push(this.open(place.path, adapter.id, place.origin));
    }
    return roots;
  }

  /**
   * Picks the format whose adapter is most confident about a directory's files. An empty
   * directory has no format yet (its last session may just have gone to the trash), so it is a
   * root with nothing in it rather than an error; a directory of unknown files is an error.
   */
  async detect(path: string): Promise<FormatId | null> {
    if (!(await isDirectory(path))) {
      // Gone since it was read (removed, perhaps to come back): it stays a root of its format,
      // with no sessions, rather than failing every call. One never seen is an error.
      const known = this.detected.get(path);
      if (known) return known;
      throw new AppError('not_found', `${path} is not a directory`);
    }
    let best: { format: FormatId; score: number } | null = null;
    for (const adapter of adapters) {
      const score = await adapter.detect(path);
      if (score > 0 && (!best || score > best.score)) best = { format: adapter.id, score };
    }
    if (best) {
      this.detected.set(path, best.format);
      return best.format;
    }
    const known = this.detected.get(path);
    if (known) return known;
    const visible = (await readdir(path)).filter((name) => !name.startsWith('.'));
    if (visible.length === 0) return null;
    const names = adapters.map((adapter) => adapter.id).join(', ');
    throw new AppError('unsupported', `no sessions of a known format (${names}) in ${path}`);
  }
}

/**
 * The folders the person added, as roots. One gone from disk stays a root, shown missing, until
 * it is removed; one that held nothing when added has its format detected once it holds sessions,
 * and `learned` keeps that so later listings need not look again.
 */
export async function addedRoots(
  opener: RootOpener,
  saved: readonly { path: string; format: FormatId | null }[],
  learned: (path: string, format: FormatId) => Promise<unknown>,
): Promise<Root[]> {
  return Promise.all(
    saved.map(async (entry) => {
      const exists = await isDirectory(entry.path);
      // A missing folder lists nothing rather than failing every listing; it keeps its format.
      if (!exists) return { ...opener.open(entry.path, null, 'added', false), format: entry.format };
      let format = entry.format;
      if (format === null) {
        format = await opener.detect(entry.path).catch(() => null);
        if (format) await learned(entry.path, format);
      }
      return opener.open(entry.path, format, 'added', exists);
    }),
  );
}
