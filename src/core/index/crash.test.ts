import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { contentOf, indexOnce, rootOf, tempDir, writeZeroclaw } from './testkit';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Runs the indexer in a child process and kills it with SIGKILL once it has indexed `files` files. */
function killPartWay(dbPath: string, rootsJson: string, files: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, rootsJson], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let seen = 0;
    let buffer = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const text of lines) {
        if (text === 'done') reject(new Error('the indexer finished before it could be killed'));
        seen = Math.max(seen, Number(text) || 0);
        if (seen >= files) proc.kill('SIGKILL');
      }
    });
    proc.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`exit ${signal}`)),
    );
  });
}

it(
  'an index killed mid-run opens, catches up, and agrees with a fresh one',
  { timeout: 120_000 },
  async () => {
    const sessions = join(dir, 'sessions');
    await mkdir(sessions);
    for (let i = 0; i < 120; i++) {
      const messages = Array.from({ length: 1200 }, (_, n): [string, string] => [
        n % 2 ? 'assistant' : 'user',
        `session ${i} message ${n} about lighthouse ${n % 7} keepers and harbour ${i % 5}`,
      ]);
      await writeZeroclaw(sessions, `s${String(i).padStart(3, '0')}`, messages);
    }
    const roots = [rootOf('crashroot', sessions, 'zeroclaw')];
    const dbPath = join(dir, 'index.sqlite');
    const done = await killPartWay(dbPath, JSON.stringify(roots), 10);
    expect(done).toBeGreaterThanOrEqual(10);

    const check = new DatabaseSync(dbPath);
    expect(check.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    check.close();

    await indexOnce(dbPath, roots);
    const freshPath = join(dir, 'fresh.sqlite');
    await indexOnce(freshPath, roots);
    expect(contentOf(dbPath)).toEqual(contentOf(freshPath));
  },
);
