/**
 * A giant session's first page in a fresh process, twice on the same app data: `first` reads the
 * file through (and stores what a later launch needs), `stored` is every launch after.
 */
import { join } from 'node:path';
import { runChild } from './child';
import type { GiantSession } from './corpus';
import { ms } from './stats';

export async function relaunchFigures(
  work: string,
  giant: GiantSession,
): Promise<{ first: number; stored: number }> {
  const input = {
    appData: join(work, `relaunch-${giant.id}`),
    dir: join(giant.path, '..'),
    ref: { root: giant.rootId, id: giant.id },
  };
  const first = await launch(input);
  const stored = await launch(input);
  return { first: ms(first), stored: ms(stored) };
}

async function launch(input: unknown): Promise<number> {
  const { firstPageMs } = await runChild<{ firstPageMs: number }>(
    new URL('./open-run.ts', import.meta.url),
    input,
  );
  return firstPageMs;
}
