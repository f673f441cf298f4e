import { toWireError } from '../../shared/errors';
import type { AuditOperation } from '../../shared/history';
import type { AuditLog, FileHash } from './audit-log';
import type { AuditSessionRecord } from './audit-record';
import { hashGrown, hashState } from './file-hash';
import type { FileHashState } from './file-hash';
import type { UndoPlan } from './undo-plan';

export interface WriteSpec {
  operation: AuditOperation;
  sessions: AuditSessionRecord[];
  /** The files the write will touch, hashed before it starts. */
  files: string[];
  /** Known only once the write has run (a delete hashes its files as they reach the trash). */
  hashBefore?: false;
  /** The write only appends to the files, so the hashes after read just the new bytes. */
  appends?: true;
  undoes?: string;
}

export interface WriteDone<T> {
  value: T;
  /** The sessions as the write left them, when they differ from the spec's. */
  sessions?: AuditSessionRecord[];
  /** Each file's hashes, when the write knows them itself; otherwise the spec's files are hashed again. */
  files?: FileHash[];
  /** Files the write made, beyond the spec's (a fork's new session). */
  made?: string[];
  detail?: string | null;
  undo: UndoPlan | null;
}

/**
 * Runs one write between its two audit lines: `begin` before any byte changes, `end` after, so a
 * write the app dies in is still on record. A write that throws is logged as failed and rethrown.
 */
export async function recorded<T>(
  log: AuditLog,
  spec: WriteSpec,
  run: () => Promise<WriteDone<T>>,
): Promise<{ value: T; id: string }> {
  const states =
    spec.hashBefore === false ? null : await Promise.all(spec.files.map((file) => hashState(file)));
  const before = spec.files.map((file, i) => ({ file, sha256Before: states?.[i]?.sha256 ?? null }));
  const id = await log.begin({ ...spec, files: before });
  let done: WriteDone<T>;
  try {
    done = await run();
  } catch (error) {
    // The write's own error is the one worth reporting; a log that cannot take the line loses only it.
    await log
      .end(id, {
        status: 'failed',
        error: toWireError(error).message,
        sessions: spec.sessions,
        files: before,
      })
      .catch(() => undefined);
    throw error;
  }
  const files =
    done.files ??
    (spec.appends && states
      ? await Promise.all(
          before.map(async (entry, i) => ({
            ...entry,
            sha256After: await hashGrown(entry.file, states[i] ?? EMPTY),
          })),
        )
      : await completed(before, done.made ?? []));
  await log.end(id, {
    status: 'done',
    sessions: done.sessions ?? spec.sessions,
    files,
    detail: done.detail ?? null,
    undo: done.undo,
  });
  return { value: done.value, id };
}

const EMPTY: FileHashState = { sha256: null, size: 0, live: null };

async function completed(before: FileHash[], made: string[]): Promise<FileHash[]> {
  const all = [...before, ...made.map((file) => ({ file, sha256Before: null }))];
  return Promise.all(
    all.map(async (entry) => ({ ...entry, sha256After: (await hashState(entry.file)).sha256 })),
  );
}
