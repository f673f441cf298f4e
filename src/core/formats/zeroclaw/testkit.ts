/** Helpers shared by the ZeroClaw tests: the fixtures, throwaway copies of them, line builders. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import type { DatabaseSync } from 'node:sqlite';

/** fixtures/zeroclaw at the repository root, made by scripts/make-zeroclaw-fixtures.ts. */
export const FIXTURES = fileURLToPath(new URL('../../../../fixtures/zeroclaw', import.meta.url));

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'sessionscope-zeroclaw-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A private copy of the fixtures: sessions.db grows -wal files, and tests write. */
export async function withFixtures<T>(run: (dir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const copy = join(dir, 'sessions');
    await cp(FIXTURES, copy, { recursive: true });
    return run(copy);
  });
}

/** A line exactly as ZeroClaw's `append` writes it. */
export const line = (role: string, content: string): string => `${JSON.stringify({ role, content })}\n`;

/** The AppError code a promise rejects with, or null when it resolves. */
export async function code(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : `not an AppError: ${String(error)}`),
  );
}

/** What ZeroClaw's SqliteSessionBackend `append` does: a message row and an upserted metadata row. */
export function appendSqliteMessage(
  db: DatabaseSync,
  key: string,
  at: string,
  role: string,
  content: string | Uint8Array,
): void {
  db.prepare('INSERT INTO sessions (session_key, role, content, created_at) VALUES (?, ?, ?, ?)').run(
    key,
    role,
    content,
    at,
  );
  db.prepare(
    `INSERT INTO session_metadata (session_key, created_at, last_activity, message_count) VALUES (?, ?, ?, 1)
     ON CONFLICT(session_key) DO UPDATE SET last_activity = excluded.last_activity, message_count = message_count + 1`,
  ).run(key, at, at);
}
