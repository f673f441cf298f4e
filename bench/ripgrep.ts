/**
 * The baseline a search index has to beat: ripgrep over the raw files, one process per query,
 * counting matching lines per file (`rg -c -i -F`): it finds every file that matches, which is
 * the work a search does before ranking. Timed from spawn to exit, as a user would wait for it.
 */
import { spawn } from 'node:child_process';

export const RG = '/usr/bin/rg';

function run(query: string, dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(RG, ['-c', '-i', '-F', '--no-messages', '--', query, dir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.resume();
    child.on('error', reject);
    // 0: matches, 1: none; anything else is a failure to search, not a result.
    child.on('close', (code) =>
      code === 0 || code === 1 ? resolve(performance.now() - start) : reject(new Error(`rg exited ${code}`)),
    );
  });
}

/** Milliseconds per query, in order. */
export async function ripgrepTimes(queries: readonly string[], dir: string): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) times.push(await run(query, dir));
  return times;
}
