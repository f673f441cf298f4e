/**
 * Which files in a root are sessions' files, decided by each format's own file-name rules, so
 * whatever a format would not list is never reported: ORCS's `.<id>.json.tmp`, the `.tmpXXXXXX`
 * of our JSONL rewrites, the `*.sessionscope-*.tmp` of a cross-device restore, write-file-atomic's
 * `<name>.<hash>`, ZeroClaw's `*.jsonl.migrated`, and SQLite's -wal, -shm and -journal files.
 */
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatIds } from '../../shared/model';
import type { FormatId } from '../../shared/model';
import { idFromFileName as orcsId } from '../formats/orcs/id';
import { idFromFileName as yoiId } from '../formats/yoi/id';
import { DB_NAME } from '../formats/zeroclaw/sessions-db';
import { idFromFileName as zeroclawId } from '../formats/zeroclaw/sanitize';
import type { FileChange, FileEvent, FileRole, WatchedRoot } from './types';

/**
 * ZeroClaw keeps sessions.db open in WAL mode, so a commit only appends to the -wal file; the
 * database itself changes at the next checkpoint, which may be much later. Content written to
 * the -wal file is therefore reported as a change of sessions.db. Its creation and removal are
 * not: every connection that opens the database creates it and the last one to close removes
 * it, our own reads included, and reporting those would make each refresh trigger the next.
 */
const WAL = `${DB_NAME}-wal`;

interface Kind {
  role: FileRole;
  session: string | null;
}

const TRACE_SUFFIX = '.trace.jsonl';

function kindIn(format: FormatId, name: string): Kind | null {
  switch (format) {
    case 'orcs': {
      const id = orcsId(name);
      return id === null ? null : { role: 'main', session: id };
    }
    case 'zeroclaw': {
      if (name === DB_NAME) return { role: 'shared', session: null };
      const id = zeroclawId(name);
      return id === null ? null : { role: 'main', session: id };
    }
    case 'yoi': {
      const id = yoiId(name);
      if (id !== null) return { role: 'main', session: id };
      const traced = name.endsWith(TRACE_SUFFIX)
        ? yoiId(`${name.slice(0, -TRACE_SUFFIX.length)}.jsonl`)
        : null;
      return traced === null ? null : { role: 'companion', session: traced };
    }
  }
}

/** What a file directly inside a root is to its format; a root with no format takes any format's files. */
export function fileKind(format: FormatId | null, name: string): Kind | null {
  for (const each of format === null ? formatIds : [format]) {
    const kind = kindIn(each, name);
    if (kind) return kind;
  }
  return null;
}

function watchesWal(format: FormatId | null): boolean {
  return format === null || format === 'zeroclaw';
}

/**
 * chokidar's `ignored` for a root: only the root itself and the files that matter directly in
 * it, so nothing else is ever stat'ed or given a watch (sub-folders included: every format keeps
 * its sessions flat in the root).
 */
export function ignoredIn(root: WatchedRoot): (path: string, stats?: Stats) => boolean {
  return (path, stats) => {
    if (path === root.path) return false;
    if (dirname(path) !== root.path || stats?.isDirectory()) return true;
    const name = basename(path);
    return fileKind(root.format, name) === null && !(name === WAL && watchesWal(root.format));
  };
}

/** The change a chokidar file event in a root stands for, or null when it is no session's. */
export function interpret(root: WatchedRoot, event: FileEvent, path: string): FileChange | null {
  if (dirname(path) !== root.path) return null;
  const name = basename(path);
  if (name === WAL && watchesWal(root.format)) {
    return event === 'change'
      ? { path: join(root.path, DB_NAME), event: 'change', role: 'shared', session: null }
      : null;
  }
  const kind = fileKind(root.format, name);
  return kind === null ? null : { path, event, ...kind };
}
