/**
 * What the Library does with the watcher's batches: bring the index up to date with the files
 * that changed, then tell the UI which sessions did. Batches are handled one after another, so a
 * burst of appends never runs two refreshes of one session at once.
 */
import type { Events } from '../../shared/api';
import type { SessionRef } from '../../shared/model';
import type { IndexClient } from '../index/client';
import type { RootChange, WatchBatch } from './types';

/**
 * Past this many sessions in one batch, one sync beats a refresh each: a refresh enumerates its
 * whole root to find the session's file.
 */
const MAX_REFRESHES = 8;

export interface FeedTarget {
  /** The open index, or null before anything opened it (then there is nothing to bring up to date). */
  index(): IndexClient | null;
  changed(payload: Events['library.changed']): void;
}

export function feedFrom(target: FeedTarget): {
  onChange(batch: WatchBatch): void;
  settled(): Promise<void>;
} {
  let queue = Promise.resolve();
  return {
    onChange(batch) {
      queue = queue.then(() => handle(target, batch));
    },
    settled: () => queue,
  };
}

async function handle(target: FeedTarget, batch: WatchBatch): Promise<void> {
  for (const change of batch.roots) {
    const sessions = sessionsOf(change);
    const whole = change.resync || change.files.some((file) => file.role === 'shared');
    const index = target.index();
    // The index is a cache: one that cannot follow catches up on its next pass, and the UI is told anyway.
    if (index && (whole || sessions.main.length > MAX_REFRESHES)) {
      await index.sync().catch(() => undefined);
    } else if (index) {
      await Promise.all(sessions.main.map((ref) => index.refresh(ref).catch(() => undefined)));
    }
    target.changed(whole ? { root: change.root } : { root: change.root, sessions: sessions.all });
  }
}

/** The sessions a root's changes touch: `main` whose own file changed, `all` with companions too. */
function sessionsOf(change: RootChange): { main: SessionRef[]; all: SessionRef[] } {
  const main = new Set<string>();
  const all = new Set<string>();
  for (const file of change.files) {
    if (file.session === null) continue;
    all.add(file.session);
    if (file.role === 'main') main.add(file.session);
  }
  const refs = (ids: Set<string>) => [...ids].sort().map((id) => ({ root: change.root, id }));
  return { main: refs(main), all: refs(all) };
}
