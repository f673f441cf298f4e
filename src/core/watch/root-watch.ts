/**
 * One root's watcher through its whole life. While the directory exists, a chokidar watcher on it
 * (depth 0: every format keeps its sessions flat) reports session files. When it is removed, that
 * watcher is replaced by one on the nearest existing ancestor that waits for the next directory
 * on the way back down, so a root deleted and created again (or one configured before it exists)
 * is picked up. When the OS runs out of watches, the root is watched again by polling.
 *
 * Every re-arm runs as one step of a queue, so two never interleave and close() can wait for the
 * one in progress.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChokidarOptions, FSWatcher } from 'chokidar';
import { ignoredIn, interpret } from './filter';
import { limitCode, limitProblem } from './limits';
import type { LimitCode } from './limits';
import type { FileChange, RootWatchStatus, WatchedRoot } from './types';

/** Makes a chokidar watcher; chokidar's own `watch` in the app, the seam a test uses to reach its instances. */
export type WatcherFactory = (path: string, options: ChokidarOptions) => FSWatcher;

export interface RootWatchContext {
  createWatcher: WatcherFactory;
  pollIntervalMs: number;
  file(root: string, change: FileChange): void;
  resync(root: string): void;
  statusChanged(): void;
}

const FILE_EVENTS = ['add', 'change', 'unlink'] as const;

export class RootWatch {
  private watcher: FSWatcher | null = null;
  /** Null until the first look, so a root that is missing from the start asks for no resync. */
  private present: boolean | null = null;
  private polling: LimitCode | null = null;
  /** Changes may have been missed since the last report: the next armed watcher asks for a resync. */
  private unseen = false;
  private error: string | null = null;
  private closed = false;
  private steps: Promise<void> = Promise.resolve();
  private queued = false;
  private looking = false;
  private lookAgain = false;
  private readonly stopped: Promise<void>;
  private stop: () => void = () => undefined;

  constructor(
    readonly root: WatchedRoot,
    private readonly ctx: RootWatchContext,
  ) {
    this.stopped = new Promise((resolve) => (this.stop = resolve));
  }

  /** Resolves once the root, or the ancestor waiting for it, is being watched. */
  start(): Promise<void> {
    return this.rearm();
  }

  status(): RootWatchStatus {
    return {
      root: this.root.id,
      present: this.present === true,
      mode: this.polling ? 'polling' : 'native',
      problem: this.polling ? limitProblem(this.polling, this.ctx.pollIntervalMs) : this.error,
    };
  }

  get limit(): LimitCode | null {
    return this.polling;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop();
    await this.steps;
    await this.disarm();
  }

  /** A burst of events asks for one re-arm, not one each. */
  private rearm(): Promise<void> {
    if (this.queued) return this.steps;
    this.queued = true;
    this.steps = this.steps
      .then(() => {
        this.queued = false;
        return this.arm();
      })
      .catch((error: unknown) => this.failed(error));
    return this.steps;
  }

  /**
   * Presence and the resync it calls for are only reported once the new watcher is ready, so a
   * receiver that rescans on the resync misses nothing: what its scan does not see, the watcher does.
   */
  private async arm(): Promise<void> {
    await this.disarm();
    if (this.error !== null) {
      this.error = null;
      this.ctx.statusChanged();
    }
    while (!this.closed) {
      const { path } = this.root;
      if (await isDirectory(path)) {
        await this.settled(this.watchRoot());
        if (this.closed) return;
        // Removed while the watch was being set up: chokidar would not notice, so look again.
        if (await isDirectory(path)) return this.armed(true);
      } else {
        const { ancestor, next } = await nearestExisting(path);
        await this.settled(this.waitFor(ancestor, next));
        if (this.closed) return;
        // Created before the wait was set up: it will report nothing, so look again.
        if (!(await isDirectory(next))) return this.armed(false);
      }
      await this.disarm();
    }
  }

  private armed(present: boolean): void {
    if (this.present !== present) {
      if (this.present !== null) this.unseen = true;
      this.present = present;
      this.ctx.statusChanged();
    }
    if (this.unseen) this.ctx.resync(this.root.id);
    this.unseen = false;
  }

  private watchRoot(): FSWatcher {
    const watcher = this.open(this.root.path, ignoredIn(this.root));
    for (const event of FILE_EVENTS) {
      watcher.on(event, (path) => {
        const change = interpret(this.root, event, path);
        if (change) this.ctx.file(this.root.id, change);
      });
    }
    watcher.on('unlinkDir', (path) => {
      if (path === this.root.path && watcher === this.watcher) void this.rearm();
    });
    // chokidar does not always report the watched directory itself going (`rm -r` reports its
    // files and then, now and then, nothing for the directory); the OS's own event always comes.
    watcher.on('raw', () => void this.lookForRoot(watcher));
    return watcher;
  }

  /** One look at a time; events during a look ask for one more, so the last event is always looked after. */
  private async lookForRoot(watcher: FSWatcher): Promise<void> {
    this.lookAgain = true;
    if (this.looking) return;
    this.looking = true;
    try {
      while (this.lookAgain && watcher === this.watcher) {
        this.lookAgain = false;
        if (!(await isDirectory(this.root.path))) {
          if (watcher === this.watcher) void this.rearm();
          return;
        }
      }
    } finally {
      this.looking = false;
    }
  }

  /** Watches `ancestor` for `next` alone, the first missing directory on the way to the root. */
  private waitFor(ancestor: string, next: string): FSWatcher {
    const watcher = this.open(ancestor, (path) => path !== ancestor && path !== next);
    watcher.on('all', () => {
      if (watcher === this.watcher) void this.rearm();
    });
    return watcher;
  }

  private open(path: string, ignored: ChokidarOptions['ignored']): FSWatcher {
    const watcher = this.ctx.createWatcher(path, {
      ignoreInitial: true,
      depth: 0,
      ignored,
      usePolling: this.polling !== null,
      interval: this.ctx.pollIntervalMs,
      binaryInterval: this.ctx.pollIntervalMs,
    });
    this.watcher = watcher;
    watcher.on('error', (error) => this.onError(watcher, error));
    return watcher;
  }

  /**
   * Ready, or failing: a watcher whose directory read fails (out of watches, or an I/O error)
   * may never say it is ready, and waiting for it would hold up every later re-arm.
   */
  private settled(watcher: FSWatcher): Promise<void> {
    const settled = new Promise<void>((resolve) => {
      watcher.once('ready', resolve);
      watcher.once('error', () => resolve());
    });
    return Promise.race([settled, this.stopped]);
  }

  private onError(watcher: FSWatcher, error: unknown): void {
    if (watcher !== this.watcher || this.closed) return;
    const code = limitCode(error);
    if (code && !watcher.options.usePolling) {
      if (this.polling) return;
      this.polling = code;
      // Whatever changes while the watcher is replaced goes unseen.
      this.unseen = true;
      this.ctx.statusChanged();
      void this.rearm();
      return;
    }
    this.failed(error);
  }

  private failed(error: unknown): void {
    if (this.closed) return;
    this.error = error instanceof Error ? error.message : String(error);
    this.ctx.statusChanged();
  }

  private async disarm(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The deepest existing directory above `path`, and its child on the way to `path`. */
async function nearestExisting(path: string): Promise<{ ancestor: string; next: string }> {
  let next = path;
  let ancestor = dirname(path);
  while (ancestor !== dirname(ancestor) && !(await isDirectory(ancestor))) {
    next = ancestor;
    ancestor = dirname(ancestor);
  }
  return { ancestor, next };
}
