import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { parseJsonOrUndefined } from './json';
import { renameRetrying, retryingWhileLocked } from './rename-retry';

/**
 * One of the app's own JSON files in the app-data directory. A file we cannot read is moved
 * aside rather than overwritten, so a hand edit gone wrong is never lost; writes are atomic and
 * fsynced, and one instance's updates run one after another so none is lost to another.
 */
export class JsonFile<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
  ) {}

  async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw error;
    }
    const parsed = this.schema.safeParse(parseJsonOrUndefined(text));
    if (parsed.success) return parsed.data;
    await renameRetrying(this.path, `${this.path}.unreadable-${Date.now()}`);
    return this.empty();
  }

  update(change: (value: T) => T): Promise<T> {
    const next = this.queue.then(async () => {
      const value = change(await this.read());
      await mkdir(dirname(this.path), { recursive: true });
      // write-file-atomic (v7) renames its temp file with a plain fs.rename and no retry on Windows;
      // a failed try removes its temp file and leaves the old file whole, so the write is retried.
      await retryingWhileLocked(() =>
        writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`, { fsync: true }),
      );
      return value;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
