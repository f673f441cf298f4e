/**
 * Gathers file events into batches: the first event after a batch starts a timer, and when it
 * fires everything gathered since goes out as one message. Messages are therefore at least
 * `intervalMs` apart however many files change, and none waits longer than that.
 */
import type { FileChange, FileEvent, RootChange, WatchBatch } from './types';

export const BATCH_INTERVAL_MS = 100;

interface Pending {
  /** The first and last events seen for the path: together they say whether it existed before and after. */
  first: FileEvent;
  last: FileChange;
}

interface PendingRoot {
  resync: boolean;
  files: Map<string, Pending>;
}

/**
 * The net effect of a path's events in one batch. The last event decides whether the file is
 * there; the first tells an `add` (the file was not there before the batch) from a `change`. A
 * file added and removed within one batch is still reported removed: the receiver may have read
 * it meanwhile in a scan of its own.
 */
export function netEvent(first: FileEvent, last: FileEvent): FileEvent {
  if (last === 'unlink') return 'unlink';
  return first === 'add' ? 'add' : 'change';
}

export class Batcher {
  private pending = new Map<string, PendingRoot>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly emit: (batch: WatchBatch) => void,
    private readonly intervalMs = BATCH_INTERVAL_MS,
  ) {}

  file(root: string, change: FileChange): void {
    const files = this.root(root)?.files;
    if (!files) return;
    const seen = files.get(change.path);
    if (seen) seen.last = change;
    else files.set(change.path, { first: change.event, last: change });
  }

  resync(root: string): void {
    const pending = this.root(root);
    if (pending) pending.resync = true;
  }

  /** Drops whatever is pending, and nothing is sent from now on. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private root(root: string): PendingRoot | null {
    if (this.closed) return null;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
    let pending = this.pending.get(root);
    if (!pending) {
      pending = { resync: false, files: new Map() };
      this.pending.set(root, pending);
    }
    return pending;
  }

  private flush(): void {
    this.timer = null;
    const roots: RootChange[] = [...this.pending].map(([root, { resync, files }]) => ({
      root,
      resync,
      files: [...files.values()].map(({ first, last }) => ({ ...last, event: netEvent(first, last.event) })),
    }));
    this.pending.clear();
    this.emit({ roots });
  }
}
