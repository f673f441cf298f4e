import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import type { FormatId, RootInfo, RootOrigin, SearchedPlace } from '../shared/model';
import type { Environment, FormatStore } from './formats/format';
import { adapterFor, adapters } from './formats/registry';

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

export function openRoot(path: string, format: FormatId, origin: RootOrigin): Root {
  const id = rootId(path);
  return {
    id,
    path,
    format,
    origin,
    exists: true,
    readOnly: false,
    store: adapterFor(format).open({ id, path }),
  };
}

/** Picks the format whose adapter is most confident about a directory's files. */
export async function detectFormat(path: string): Promise<FormatId> {
  if (!(await isDirectory(path))) throw new AppError('not_found', `${path} is not a directory`);
  let best: { format: FormatId; score: number } | null = null;
  for (const adapter of adapters) {
    const score = await adapter.detect(path);
    if (score > 0 && (!best || score > best.score)) best = { format: adapter.id, score };
  }
  if (!best) {
    const known = adapters.map((adapter) => adapter.id).join(', ');
    throw new AppError('unsupported', `no sessions of a known format (${known}) in ${path}`);
  }
  return best.format;
}

/** Directories named on a command line: only they are used, each with its detected format. */
export async function explicitRoots(paths: string[], cwd: string): Promise<Root[]> {
  const unique = [...new Set(paths.map((path) => resolve(cwd, path)))];
  return Promise.all(unique.map(async (path) => openRoot(path, await detectFormat(path), 'cli')));
}

/** Every format's default places; the first existing one of each format becomes a root. */
export async function searchedPlaces(env: Environment): Promise<SearchedPlace[]> {
  const places = await Promise.all(adapters.map((adapter) => adapter.defaultPlaces(env)));
  return places.flat();
}

export async function discoveredRoots(env: Environment): Promise<Root[]> {
  const roots: Root[] = [];
  for (const adapter of adapters) {
    const places = await adapter.defaultPlaces(env);
    const place = places[0];
    if (place?.exists) roots.push(openRoot(place.path, adapter.id, place.origin));
  }
  return roots;
}
