/**
 * A giant session's first page in a fresh process, twice on the same app data: `first` reads the
 * file through (and stores what a later launch needs), `stored` is every launch after.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GiantSession } from './corpus';
import { ms } from './stats';

export async function relaunchFigures(
  work: string,
  giant: GiantSession,
): Promise<{ first: number; stored: number }> {
  const input = JSON.stringify({
    appData: join(work, `relaunch-${giant.id}`),
    dir: join(giant.path, '..'),
    ref: { root: giant.rootId, id: giant.id },
  });
  const first = await launch(input);
  const stored = await launch(input);
  return { first: ms(first), stored: ms(stored) };
}

async function launch(input: string): Promise<number> {
  const script = fileURLToPath(new URL('./open-run.ts', import.meta.url));
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, input], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`open run exited with ${code}`)),
    );
  });
  return (JSON.parse(output) as { firstPageMs: number }).firstPageMs;
}
