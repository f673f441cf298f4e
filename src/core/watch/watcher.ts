/**
 * Watches every root for changes to its sessions' files and reports them in batches, at most one
 * message per 100 ms (batcher.ts). Nothing waits for chokidar's initial scan (`ignoreInitial`):
 * the Library lists from its own directory read, and the watcher only reports what changes after.
 */
import { resolve } from 'node:path';
import { watch } from 'chokidar';
import { Batcher, BATCH_INTERVAL_MS } from './batcher';
import { limitHint } from './limits';
import type { LimitCode } from './limits';
import { RootWatch } from './root-watch';
import type { RootWatchContext, WatcherFactory } from './root-watch';
import type { WatchBatch, WatchedRoot, WatchStatus } from './types';

/** Polling stats every session file each round, so it is kept slow: a root can hold thousands. */
export const POLL_INTERVAL_MS = 1000;

export interface WatchOptions {
  /** Must not throw: it runs from a timer. */
  onChange: (batch: WatchBatch) => void;
  /** Called whenever what status() returns changes. */
  onStatus?: (status: WatchStatus) => void;
  batchIntervalMs?: number;
  pollIntervalMs?: number;
  createWatcher?: WatcherFactory;
  /** Which platform's advice the status gives. */
  platform?: NodeJS.Platform;
}

export class LibraryWatcher {
  private readonly watches = new Map<string, RootWatch>();
  private readonly batcher: Batcher;
  private readonly context: RootWatchContext;
  private closed = false;
  private lastStatus = '';

  constructor(private readonly options: WatchOptions) {
    this.batcher = new Batcher(options.onChange, options.batchIntervalMs ?? BATCH_INTERVAL_MS);
    this.context = {
      createWatcher: options.createWatcher ?? watch,
      pollIntervalMs: options.pollIntervalMs ?? POLL_INTERVAL_MS,
      file: (root, change) => this.batcher.file(root, change),
      resync: (root) => this.batcher.resync(root),
      statusChanged: () => this.statusChanged(),
    };
  }

  /**
   * Watches exactly these roots from now on: new ones are armed, dropped ones closed, and a root
   * whose path or format changed is watched afresh. Resolves once every root (or, for a missing
   * one, the ancestor waiting for it) is watched; changes made before that may go unreported.
   */
  async setRoots(roots: readonly WatchedRoot[]): Promise<void> {
    if (this.closed) return;
    const wanted = new Map(roots.map((root) => [root.id, { ...root, path: resolve(root.path) }]));
    const closing: Promise<void>[] = [];
    for (const [id, each] of this.watches) {
      const want = wanted.get(id);
      if (!want || want.path !== each.root.path || want.format !== each.root.format) {
        this.watches.delete(id);
        closing.push(each.close());
      }
    }
    const starting: Promise<void>[] = [];
    for (const root of wanted.values()) {
      if (this.watches.has(root.id)) continue;
      const each = new RootWatch(root, this.context);
      this.watches.set(root.id, each);
      starting.push(each.start());
    }
    this.statusChanged();
    await Promise.all([...closing, ...starting]);
  }

  status(): WatchStatus {
    const roots = [...this.watches.values()].map((each) => each.status());
    const limits = new Set<LimitCode>();
    for (const each of this.watches.values()) if (each.limit) limits.add(each.limit);
    return { roots, hint: limitHint(limits, this.options.platform ?? process.platform) };
  }

  /** Stops every watcher and timer; nothing is reported after it resolves. */
  async close(): Promise<void> {
    this.closed = true;
    this.batcher.close();
    const watches = [...this.watches.values()];
    this.watches.clear();
    await Promise.all(watches.map((each) => each.close()));
  }

  private statusChanged(): void {
    if (this.closed || !this.options.onStatus) return;
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.lastStatus) return;
    this.lastStatus = text;
    this.options.onStatus(status);
  }
}
