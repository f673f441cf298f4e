/**
 * What we parsed from a file, reused while the file is unchanged, so paging through a multi-MB
 * session does not parse it once per page. "Unchanged" is size + mtime + inode: ORCS saves by
 * renaming a new file into place, which always changes the inode even within one mtime tick.
 */
export interface FileFacts {
  size: number;
  mtimeMs: number;
  ino: number;
}

const sameFile = (a: FileFacts, b: FileFacts): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

export class FileCache<T> {
  private readonly entries = new Map<string, { facts: FileFacts; value: T }>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get(path: string, facts: FileFacts): T | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    this.entries.delete(path);
    if (!sameFile(entry.facts, facts)) return undefined;
    this.entries.set(path, entry);
    return entry.value;
  }

  set(path: string, facts: FileFacts, value: T): void {
    this.entries.delete(path);
    this.entries.set(path, { facts, value });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  delete(path: string): void {
    this.entries.delete(path);
  }
}
