import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { parseJsonOrUndefined } from './json';

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
    await rename(this.path, `${this.path}.unreadable-${Date.now()}`);
    return this.empty();
  }

  update(change: (value: T) => T): Promise<T> {
    const next = this.queue.then(async () => {
      const value = change(await this.read());
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`, { fsync: true });
      return value;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
