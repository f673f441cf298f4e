/**
 * The one place a ZeroClaw session id becomes a path (security.md §3.4): the id is checked against
 * what sanitising can produce, and the path must stay inside the sessions folder.
 */
import { join, resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';
import { SESSION_SUFFIX, isSessionId } from './sanitize';

export function assertSessionId(id: string): void {
  if (!isSessionId(id))
    throw new AppError('invalid_input', `“${printable(id)}” is not a ZeroClaw session id`);
}

/** `<dir>/<id>.jsonl`, for a checked id only, and never outside the directory. */
export function sessionPath(dir: string, id: string): string {
  assertSessionId(id);
  const base = resolve(dir);
  const path = join(base, id + SESSION_SUFFIX);
  if (!path.startsWith(base + sep))
    throw new AppError('invalid_input', `“${printable(id)}” leaves the sessions folder`);
  return path;
}

function printable(id: string): string {
  const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
  return shown.replace(/\p{Cc}/gu, '?');
}
