/**
 * Line indexes kept across calls, keyed by file path, so listing a root and paging a session do
 * not rescan files that did not change. Module-level in each format, not per store: the Library
 * opens a fresh store for every request.
 */
import type { FileHandle } from 'node:fs/promises';
import { LineIndex } from './line-index';
import type { Classify, FileFacts } from './line-index';

export interface IndexCacheOptions {
  /** Bytes of index arrays to keep; the least recently used indexes go first. */
  budgetBytes?: number;
}

const DEFAULT_BUDGET = 128 * 1024 * 1024;

export class LineIndexCache {
  private readonly classify: Classify;
  private readonly budget: number;
  private readonly entries = new Map<string, LineIndex>();
  /** One build or update per path at a time: an update extends the cached index in place. */
  private readonly busy = new Map<string, Promise<unknown>>();

  constructor(classify: Classify, options: IndexCacheOptions = {}) {
    this.classify = classify;
    this.budget = options.budgetBytes ?? DEFAULT_BUDGET;
  }

  /** The index of the file open as `handle` in the state `facts` (from that handle's fstat). */
  async index(path: string, handle: FileHandle, facts: FileFacts): Promise<LineIndex> {
    const previous = this.busy.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.refresh(path, handle, facts));
    this.busy.set(path, next);
    try {
      return await next;
    } finally {
      if (this.busy.get(path) === next) this.busy.delete(path);
    }
  }

  forget(path: string): void {
    this.entries.delete(path);
  }

  private async refresh(path: string, handle: FileHandle, facts: FileFacts): Promise<LineIndex> {
    const cached = this.entries.get(path);
    this.entries.delete(path);
    const index = cached
      ? await cached.update(handle, facts, this.classify)
      : await LineIndex.build(handle, facts, this.classify);
    this.entries.set(path, index);
    this.evict(index);
    return index;
  }

  private evict(keep: LineIndex): void {
    let total = 0;
    for (const index of this.entries.values()) total += index.footprint;
    for (const [path, index] of this.entries) {
      if (total <= this.budget) break;
      if (index === keep) continue;
      this.entries.delete(path);
      total -= index.footprint;
    }
  }
}
