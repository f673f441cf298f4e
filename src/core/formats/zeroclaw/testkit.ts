/** Helpers shared by the ZeroClaw tests: the fixtures, throwaway copies of them, line builders. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';

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
