/**
 * For the watcher's tests: real directories and a record of what the watcher reported, with
 * waits that end when the awaited report arrives rather than after a guessed delay.
 */
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watch } from 'chokidar';
import type { ChokidarOptions, FSWatcher } from 'chokidar';
import type { WatcherFactory } from './root-watch';
import type { FileChange, RootChange, WatchBatch, WatchStatus } from './types';
import { LibraryWatcher } from './watcher';
import type { WatchOptions } from './watcher';

const WAIT_MS = 8_000;

export interface Made {
  path: string;
  options: ChokidarOptions;
  watcher: FSWatcher;
}

export class Recorder {
  readonly batches: { at: number; batch: WatchBatch }[] = [];
  readonly statuses: WatchStatus[] = [];
  /** Every chokidar watcher the watcher made, in order: chokidar's own, reached through the factory. */
  readonly made: Made[] = [];
  private readonly wakers = new Set<() => void>();

  readonly createWatcher: WatcherFactory = (path, options) => {
    const watcher = watch(path, options);
    this.made.push({ path, options, watcher });
    return watcher;
  };

  options(more: Partial<WatchOptions> = {}): WatchOptions {
    return {
      onChange: (batch) => {
        this.batches.push({ at: performance.now(), batch });
        this.wake();
      },
      onStatus: (status) => {
        this.statuses.push(status);
        this.wake();
      },
      createWatcher: this.createWatcher,
      pollIntervalMs: 100,
      ...more,
    };
  }

  /** Every root change reported so far, oldest first. */
  rootChanges(): RootChange[] {
    return this.batches.flatMap(({ batch }) => batch.roots);
  }

  files(): FileChange[] {
    return this.rootChanges().flatMap((root) => root.files);
  }

  /**
   * Resolves with the first truthy answer of `find`, asked now and after every report, or, for a
   * condition no report announces, on every turn of the event loop.
   */
  until<T>(what: string, find: () => T | null | undefined | false, everyTurn = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const found = find();
        if (!found) return false;
        this.wakers.delete(check);
        clearTimeout(timer);
        if (turns) clearInterval(turns);
        resolve(found);
        return true;
      };
      const turns = everyTurn ? setInterval(check, 1) : null;
      const timer = setTimeout(() => {
        this.wakers.delete(check);
        if (turns) clearInterval(turns);
        reject(new Error(`timed out waiting for ${what}; reported: ${JSON.stringify(this.batches)}`));
      }, WAIT_MS);
      if (!check()) this.wakers.add(check);
    });
  }

  /** The first reported change of `path` with `event` after the first `skip` reports, once it arrives. */
  fileEvent(path: string, event: FileChange['event'], skip = 0): Promise<FileChange> {
    return this.until(`${event} ${path}`, () =>
      this.batches
        .slice(skip)
        .flatMap(({ batch }) => batch.roots.flatMap((root) => root.files))
        .find((file) => file.path === path && file.event === event),
    );
  }

  private wake(): void {
    for (const check of [...this.wakers]) check();
  }
}

/** A fresh directory (its real path, so reported paths compare equal) removed by `cleanup`. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'sessionscope-watch-')));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A watcher with a recorder, for one test. */
export function recordedWatcher(more: Partial<WatchOptions> = {}): {
  recorder: Recorder;
  watcher: LibraryWatcher;
} {
  const recorder = new Recorder();
  return { recorder, watcher: new LibraryWatcher(recorder.options(more)) };
}
