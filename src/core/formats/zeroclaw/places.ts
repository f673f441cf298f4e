/**
 * Where ZeroClaw keeps its sessions on this machine, decided as ZeroClaw v0.6.5 decides it
 * (config/schema.rs `resolve_runtime_config_dirs`): the sessions folder is always
 * `<workspace>/sessions`, and the workspace is, first match wins,
 * 1. `$ZEROCLAW_CONFIG_DIR/workspace`;
 * 2. `$ZEROCLAW_WORKSPACE`, or its `workspace/` subfolder when it holds a config.toml or is not
 *    itself named `workspace` and has no `.zeroclaw/config.toml` beside it;
 * 3. `<config_dir>/workspace`, where `config_dir` comes from `~/.zeroclaw/active_workspace.toml`
 *    (a relative one is taken from `~/.zeroclaw`);
 * 4. `~/.zeroclaw/workspace`.
 * `~/.zeroclaw/config.toml` has no workspace key: `Config::workspace_dir` is `#[serde(skip)]`.
 * A leading `~` is expanded with the home directory, as shellexpand::tilde does; a relative
 * environment path would be read from ZeroClaw's working directory, which we cannot know.
 * Later versions (ZEROCLAW_DATA_DIR, a `data/` folder) are not followed.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { SearchedPlace } from '../../../shared/model';
import type { Environment } from '../format';
import { parseLine } from './line';
import { idFromFileName } from './sanitize';
import { tablesIn } from './sessions-db';
import { searchedPlace, withNotes } from '../place';

export interface SessionsDir {
  path: string;
  origin: SearchedPlace['origin'];
  how: string;
}

export async function resolveSessionsDir(env: Environment): Promise<SessionsDir> {
  const notes: string[] = [];
  const zeroclawDir = join(env.home, '.zeroclaw');

  const configDir = env.vars.ZEROCLAW_CONFIG_DIR?.trim();
  if (configDir) {
    const path = usable(configDir, env.home);
    if (path)
      return { path: join(path, 'workspace', 'sessions'), origin: 'env', how: '$ZEROCLAW_CONFIG_DIR' };
    notes.push(
      `$ZEROCLAW_CONFIG_DIR is relative (${configDir}), so ZeroClaw reads it from its working directory`,
    );
  }

  const workspace = env.vars.ZEROCLAW_WORKSPACE;
  if (workspace) {
    const path = usable(workspace, env.home);
    if (path) {
      return {
        path: join(await workspaceFor(path), 'sessions'),
        origin: 'env',
        how: withNotes('$ZEROCLAW_WORKSPACE', notes),
      };
    }
    notes.push(
      `$ZEROCLAW_WORKSPACE is relative (${workspace}), so ZeroClaw reads it from its working directory`,
    );
  }

  const marker = await markerConfigDir(zeroclawDir, env.home);
  if (marker.path) {
    return {
      path: join(marker.path, 'workspace', 'sessions'),
      origin: 'config',
      how: withNotes('config_dir in ~/.zeroclaw/active_workspace.toml', notes),
    };
  }
  if (marker.problem) notes.push(marker.problem);

  return {
    path: join(zeroclawDir, 'workspace', 'sessions'),
    origin: 'default',
    how: withNotes('ZeroClaw default, ~/.zeroclaw/workspace/sessions', notes),
  };
}

export async function defaultPlaces(env: Environment): Promise<SearchedPlace[]> {
  return searchedPlace('zeroclaw', await resolveSessionsDir(env));
}

/** `resolve_config_dir_for_workspace`: which folder under `$ZEROCLAW_WORKSPACE` is the workspace. */
async function workspaceFor(dir: string): Promise<string> {
  if (await isFile(join(dir, 'config.toml'))) return join(dir, 'workspace');
  if (await isFile(join(dirname(dir), '.zeroclaw', 'config.toml'))) return dir;
  return basename(dir) === 'workspace' ? dir : join(dir, 'workspace');
}

async function markerConfigDir(
  zeroclawDir: string,
  home: string,
): Promise<{ path?: string; problem?: string }> {
  let text: string;
  try {
    text = await readFile(join(zeroclawDir, 'active_workspace.toml'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: '~/.zeroclaw/active_workspace.toml could not be read, so ZeroClaw ignores it' };
  }
  let value: unknown;
  try {
    value = parseToml(text).config_dir;
  } catch {
    return { problem: '~/.zeroclaw/active_workspace.toml is not valid TOML, so ZeroClaw ignores it' };
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return { problem: '~/.zeroclaw/active_workspace.toml has no config_dir, so ZeroClaw ignores it' };
  }
  const expanded = expandTilde(value.trim(), home);
  return { path: isAbsolute(expanded) ? expanded : join(zeroclawDir, expanded) };
}

function usable(raw: string, home: string): string | null {
  const expanded = expandTilde(raw, home);
  return isAbsolute(expanded) ? expanded : null;
}

/** shellexpand::tilde: `~` alone or `~/…`; `~user` stays as it is. */
function expandTilde(raw: string, home: string): string {
  if (raw === '~') return home;
  return raw.startsWith('~/') ? join(home, raw.slice(2)) : raw;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

const SAMPLE_FILES = 16;
const HEAD_BYTES = 64 * 1024;

/**
 * How sure we are that `dir` is a ZeroClaw sessions folder: the share of sampled `<key>.jsonl`
 * files whose first non-blank line is a message ZeroClaw would load, or 0.9 for a sessions.db with
 * ZeroClaw's tables, whichever is higher; only empty session files score 0.2, and an empty folder
 * at ZeroClaw's default place 0.1.
 */
export async function detect(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const sample = names.filter((name) => idFromFileName(name) !== null).slice(0, SAMPLE_FILES);
  const scores = (await Promise.all(sample.map((name) => headScore(join(dir, name))))).filter(
    (score): score is number => score !== null,
  );
  const files = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  const db = names.includes('sessions.db') ? dbScore(dir) : 0;
  const best = Math.max(files, db);
  if (best > 0 || scores.length > 0) return best;
  // Only empty `<key>.jsonl` files: what ZeroClaw's clear_messages, or removing a session's last
  // message, leaves. Weak evidence, but no other format writes an empty session file.
  if (sample.length > 0) return 0.2;
  return basename(dir) === 'sessions' && basename(dirname(dir)) === 'workspace' ? 0.1 : 0;
}

function dbScore(dir: string): number {
  try {
    const tables = tablesIn(dir);
    return tables.has('session_metadata') || tables.has('sessions') ? 0.9 : 0;
  } catch {
    return 0;
  }
}

/** 1 if the first non-blank line is a ZeroClaw message, 0 if it is not, null for a file with no line yet. */
async function headScore(path: string): Promise<number | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      const head = buffer.subarray(0, bytesRead);
      let start = 0;
      for (let end = head.indexOf(0x0a); end !== -1; end = head.indexOf(0x0a, start)) {
        const parsed = parseLine(head.subarray(start, end));
        if (!('blank' in parsed)) return 'message' in parsed ? 1 : 0;
        start = end + 1;
      }
      if (bytesRead === HEAD_BYTES) return 0;
      // The whole file was read: its last line may lack a "\n", or there may be no line at all.
      const last = parseLine(head.subarray(start));
      return 'blank' in last ? null : 'message' in last ? 1 : 0;
    } finally {
      await handle.close();
    }
  } catch {
    return 0;
  }
}
