/**
 * Where ORCS keeps its sessions on this machine, decided the way ORCS decides it
 * (config/loader.rs, config/types.rs, session/local.rs): `$ORCS_SESSION_PATH`, else
 * `[paths] session_dir` in `~/.orcs/config.toml`, else `~/.orcs/sessions`; a leading `~/` is
 * expanded (LocalFileStore::new), nothing else is.
 *
 * Only the place that wins is returned. ORCS never reads the others, so listing them as roots
 * would show sessions ORCS cannot see; instead the winner's `how` names what it overrode, which
 * is what a "where we looked" message needs. Per-project `.orcs/config.toml` files and profiles
 * can also move the folder, but only for one project, so they are not a default.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { SearchedPlace } from '../../../shared/model';
import type { Environment } from '../format';
import { idFromFileName } from './id';
import { searchedPlace, withNotes } from '../place';

export type SessionDirOrigin = SearchedPlace['origin'];

export interface SessionDir {
  path: string;
  origin: SessionDirOrigin;
  how: string;
}

/** The folder ORCS would use, with where that came from (the Library maps origin to RootOrigin). */
export async function resolveSessionDir(env: Environment): Promise<SessionDir> {
  const skipped: string[] = [];
  const fromEnv = env.vars.ORCS_SESSION_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    const path = usable(fromEnv, env.home);
    if (path) return { path, origin: 'env', how: '$ORCS_SESSION_PATH' };
    skipped.push(`$ORCS_SESSION_PATH is relative (${fromEnv}), so ORCS reads it from its working directory`);
  }

  const configPath = join(env.home, '.orcs', 'config.toml');
  const configured = await sessionDirFromConfig(configPath);
  if (configured.value !== undefined) {
    const path = usable(configured.value, env.home);
    if (path) {
      return {
        path,
        origin: 'config',
        how: withNotes('[paths] session_dir in ~/.orcs/config.toml', skipped),
      };
    }
    skipped.push(`session_dir in ~/.orcs/config.toml is relative (${configured.value})`);
  }
  if (configured.problem) skipped.push(configured.problem);

  return {
    path: join(env.home, '.orcs', 'sessions'),
    origin: 'default',
    how: withNotes('ORCS default, ~/.orcs/sessions', skipped),
  };
}

export async function defaultPlaces(env: Environment): Promise<SearchedPlace[]> {
  return searchedPlace('orcs', await resolveSessionDir(env));
}

/** `~/x` → `<home>/x` as ORCS's expand_tilde does; null for a path ORCS would read relative to its cwd. */
function usable(raw: string, home: string): string | null {
  const expanded = raw.startsWith('~/') ? join(home, raw.slice(2)) : raw;
  return isAbsolute(expanded) ? expanded : null;
}

async function sessionDirFromConfig(path: string): Promise<{ value?: string; problem?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: `~/.orcs/config.toml could not be read` };
  }
  try {
    const paths = parseToml(text).paths;
    if (paths === undefined) return {};
    const dir =
      typeof paths === 'object' && !Array.isArray(paths)
        ? (paths as Record<string, unknown>).session_dir
        : undefined;
    if (dir === undefined) return {};
    if (typeof dir === 'string' && dir !== '') return { value: dir };
    return { problem: '[paths] session_dir in ~/.orcs/config.toml is not a path' };
  } catch {
    return { problem: '~/.orcs/config.toml is not valid TOML, so ORCS itself would refuse to start' };
  }
}

/** How many files `detect` samples, and how much of each it reads. */
const SAMPLE_FILES = 16;
const HEAD_BYTES = 4096;
/** The start of every file serde writes for a SessionAsset. */
const SERDE_HEAD =
  /^\{\s*"id"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"version"\s*:\s*\d+\s*,\s*"created_at_ms"\s*:\s*\d+\s*,\s*"updated_at_ms"\s*:\s*\d+\s*,\s*"history"\s*:\s*\{/;
const KEYS = ['"id"', '"version"', '"created_at_ms"', '"updated_at_ms"', '"history"'];

/**
 * How sure we are that `dir` is an ORCS sessions folder: the share of its `<id>.json` files
 * whose first bytes look like a serde-written SessionAsset (0.5 for the right keys in another
 * order). An empty folder scores 0.1 if it is named like ORCS's default, else 0.
 */
export async function detect(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const sample = names.filter((name) => idFromFileName(name) !== null).slice(0, SAMPLE_FILES);
  if (sample.length === 0)
    return basename(dir) === 'sessions' && basename(dirname(dir)) === '.orcs' ? 0.1 : 0;
  const scores = await Promise.all(sample.map((name) => headScore(join(dir, name))));
  return scores.reduce((a, b) => a + b, 0) / sample.length;
}

async function headScore(path: string): Promise<number> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      const head = buffer.subarray(0, bytesRead).toString('utf8');
      if (SERDE_HEAD.test(head)) return 1;
      return KEYS.every((key) => head.includes(key)) ? 0.5 : 0;
    } finally {
      await handle.close();
    }
  } catch {
    return 0;
  }
}
