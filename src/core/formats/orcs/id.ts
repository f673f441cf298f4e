/**
 * ORCS names a session file `<id>.json` with the id used verbatim (local.rs `session_path`), so
 * an id is the only thing between a caller and an arbitrary path (security.md §3.4). Every id is
 * checked here before any path is built; nothing else in this folder builds a session file name.
 */
import { join, resolve, sep } from 'node:path';
import { OrcsStorageError } from './errors';

/**
 * ORCS writes lowercase UUIDs, but any file name stem ORCS can load is a session to us, so the
 * pattern is wider: letters and digits of any script, `_`, `-` and `.`; no leading dot (those are
 * ORCS's temp files), no `..`, at most 128 characters. A subset of the contract's sessionIdSchema.
 */
const ID_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}._-]{0,127}$/u;
/** Windows opens a device, not a file, for these names whatever the extension. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

export function isSessionId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes('..') && !WINDOWS_DEVICE.test(id);
}

export function assertSessionId(id: string): void {
  if (!isSessionId(id))
    throw new OrcsStorageError('InvalidPath', `“${printable(id)}” is not an ORCS session id`);
}

/** `<root>/<id>.json`, for a checked id only, and never outside the root. */
export function sessionPath(root: string, id: string): string {
  return inside(root, `${id}.json`, id);
}

/** ORCS's own temp name, `.<id>.json.tmp`, so a crash leaves what ORCS itself would leave. */
export function tempPath(root: string, id: string): string {
  return inside(root, `.${id}.json.tmp`, id);
}

/** The session id a directory entry names, or null when ORCS would skip it or we cannot address it. */
export function idFromFileName(name: string): string | null {
  if (name.startsWith('.') || !name.endsWith('.json')) return null;
  const id = name.slice(0, -'.json'.length);
  return isSessionId(id) ? id : null;
}

function inside(root: string, name: string, id: string): string {
  assertSessionId(id);
  const base = resolve(root);
  const path = join(base, name);
  if (!path.startsWith(base + sep))
    throw new OrcsStorageError('InvalidPath', `“${printable(id)}” leaves the sessions folder`);
  return path;
}

function printable(id: string): string {
  const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
  return shown.replace(/\p{Cc}/gu, '?');
}
