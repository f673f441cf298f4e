/**
 * Where yoi keeps its sessions (formats.md §3.1, `paths::sessions_dir()` at 2b89bb6d):
 * `data_dir()/sessions`, `data_dir` being `$INSOMNIA_DATA_DIR`, else `$INSOMNIA_HOME`, else
 * `~/.insomnia`. A pod started with `--store <dir>` writes elsewhere; that can only be added.
 */
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchedPlace } from '../../../shared/model';
import type { Environment } from '../format';
import { readRange } from '../../jsonl';
import { splitLine } from './hash';
import { idFromFileName } from './id';
import { searchedPlace } from '../place';

export function sessionsDir(env: Environment): Pick<SearchedPlace, 'path' | 'how' | 'origin'> {
  const dataDir = env.vars.INSOMNIA_DATA_DIR;
  if (dataDir) return { path: join(dataDir, 'sessions'), how: '$INSOMNIA_DATA_DIR/sessions', origin: 'env' };
  const home = env.vars.INSOMNIA_HOME;
  if (home) return { path: join(home, 'sessions'), how: '$INSOMNIA_HOME/sessions', origin: 'env' };
  return {
    path: join(env.home, '.insomnia', 'sessions'),
    how: 'yoi default, ~/.insomnia/sessions',
    origin: 'default',
  };
}

/** Only the place that wins: the pod never looks at the others. */
export async function defaultPlaces(env: Environment): Promise<SearchedPlace[]> {
  return searchedPlace('yoi', sessionsDir(env));
}

const SAMPLE_FILES = 8;
/** The line prefix (137 bytes at most) and `"kind":"session_start"`. */
const HEAD_BYTES = 256;
const START = Buffer.from('"kind":"session_start"');

/** 1 when `<uuid>.jsonl` files start with a hashed `session_start`, else 0. */
export async function detect(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const sample = names.filter((name) => idFromFileName(name) !== null).slice(0, SAMPLE_FILES);
  const heads = await Promise.all(sample.map((name) => startsLikeYoi(join(dir, name))));
  const known = heads.filter((h): h is boolean => h !== null);
  if (known.length === 0) return 0;
  return known.filter(Boolean).length / known.length;
}

/** Null for an empty file: a session being created says nothing either way. */
async function startsLikeYoi(path: string): Promise<boolean | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = await readRange(handle, 0, HEAD_BYTES);
      if (head.length === 0) return null;
      const split = splitLine(head);
      return split !== null && split.prev === null && split.body.subarray(0, START.length).equals(START);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
