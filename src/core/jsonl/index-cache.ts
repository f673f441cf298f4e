/**
 * Line indexes kept across calls, keyed by file path, so listing a root and paging a session do
 * not rescan files that did not change. Module-level in each format, not per store: the Library
 * opens a fresh store for every request.
 *
 * Behind the memory cache there may be a LineIndexStore (the search index's database), so a
 * launch reads a large file's index rather than scanning the file again: a 1 GB session costs
 * seconds to scan and milliseconds to load.
 */
import type { FileHandle } from 'node:fs/promises';
import { LineIndex } from './line-index';
import type { Classify, FileFacts } from './line-index';

export interface IndexCacheOptions {
  /** Bytes of index arrays to keep; the least recently used indexes go first. */
  budgetBytes?: number;
}

/**
 * Where serialized indexes outlive the process. `load` answers the bytes last saved for `path`
 * when they can describe the file now in the state `facts` (same file, not larger than it is),
 * else null; the cache checks the bytes themselves. Either call may fail: the cache then scans.
 */
export interface LineIndexStore {
  load(path: string, facts: FileFacts): Promise<Uint8Array | null>;
  save(path: string, facts: FileFacts, bytes: Uint8Array): Promise<void>;
}

const DEFAULT_BUDGET = 128 * 1024 * 1024;
/**
 * Files smaller than this are neither loaded nor saved: scanning 1 MB takes a few milliseconds,
 * about what a round trip to the store costs, and storing every small session would fill the
 * database with rows that save nothing. For the same reason a stored index is saved again only
 * once the file has grown this much past it; the update from an older one reads less than this.
 */
export const MIN_STORED_BYTES = 1024 * 1024;

interface Entry {
  index: LineIndex;
  /** The file size the store's copy was made at, when the store has one this cache knows of. */
  storedSize: number | null;
}

export class LineIndexCache {
  private readonly classify: Classify;
  private readonly budget: number;
  private readonly entries = new Map<string, Entry>();
  /** One build or update per path at a time: an update extends the cached index in place. */
  private readonly busy = new Map<string, Promise<unknown>>();
  private store: LineIndexStore | null = null;
  private readonly saving = new Set<Promise<void>>();

  constructor(classify: Classify, options: IndexCacheOptions = {}) {
    this.classify = classify;
    this.budget = options.budgetBytes ?? DEFAULT_BUDGET;
  }

  /**
   * Backs the cache with `store` from now on; indexes already in memory stay. Returns the way to
   * stop, which does nothing once another store has taken its place.
   */
  useStore(store: LineIndexStore): () => void {
    this.store = store;
    return () => {
      if (this.store === store) this.store = null;
    };
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

  /** Settles once every save begun so far has succeeded or failed. */
  async saved(): Promise<void> {
    await Promise.all(this.saving);
  }

  private async refresh(path: string, handle: FileHandle, facts: FileFacts): Promise<LineIndex> {
    const cached = this.entries.get(path) ?? (await this.load(path, facts));
    this.entries.delete(path);
    const index = cached
      ? await cached.index.update(handle, facts, this.classify)
      : await LineIndex.build(handle, facts, this.classify);
    let storedSize = index === cached?.index ? cached.storedSize : null;
    const size = index.facts.size;
    const behind = storedSize === null || size - storedSize >= MIN_STORED_BYTES;
    if (size >= MIN_STORED_BYTES && behind && this.save(path, index)) storedSize = size;
    this.entries.set(path, { index, storedSize });
    this.evict(index);
    return index;
  }

  /** The stored index for the file, or null when there is none usable: a load never fails a read. */
  private async load(path: string, facts: FileFacts): Promise<Entry | null> {
    const store = this.store;
    if (!store || facts.size < MIN_STORED_BYTES) return null;
    try {
      const bytes = await store.load(path, facts);
      if (!bytes) return null;
      const index = LineIndex.deserialize(bytes);
      if (index.facts.dev !== facts.dev || index.facts.ino !== facts.ino) return null;
      return { index, storedSize: index.facts.size };
    } catch {
      // An unreadable copy is as good as none; the next save replaces it.
      return null;
    }
  }

  /**
   * Saves without waiting: the read goes on, and a failed save only loses the shortcut. The bytes
   * are taken now, before any later append extends the index in place. False when there is no store.
   */
  private save(path: string, index: LineIndex): boolean {
    const store = this.store;
    if (!store) return false;
    const bytes = index.serialize();
    const saving = (async () => store.save(path, index.facts, bytes))().catch(() => undefined);
    this.saving.add(saving);
    void saving.finally(() => this.saving.delete(saving));
    return true;
  }

  private evict(keep: LineIndex): void {
    let total = 0;
    for (const { index } of this.entries.values()) total += index.footprint;
    for (const [path, { index }] of this.entries) {
      if (total <= this.budget) break;
      if (index === keep) continue;
      this.entries.delete(path);
      total -= index.footprint;
    }
  }
}
