import { readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { parseJsonOrUndefined } from './json';

const settingsSchema = z.object({
  version: z.literal(1),
  roots: z.array(z.object({ path: z.string() })).default([]),
  demo: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

const defaults: Settings = { version: 1, roots: [], demo: false };

/**
 * The app's own settings file. A file we cannot read is moved aside rather than overwritten, so
 * a hand edit gone wrong is never lost.
 */
export class SettingsFile {
  constructor(private readonly path: string) {}

  async read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...defaults };
      throw error;
    }
    const parsed = settingsSchema.safeParse(parseJsonOrUndefined(text));
    if (parsed.success) return parsed.data;
    await rename(this.path, `${this.path}.unreadable-${Date.now()}`);
    return { ...defaults };
  }

  async update(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = change(await this.read());
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`, { fsync: true });
    return next;
  }
}
