import { z } from 'zod';
import { JsonFile } from './json-file';

const settingsSchema = z.object({
  version: z.literal(1),
  roots: z.array(z.object({ path: z.string() })).default([]),
  demo: z.boolean().default(false),
  /** Days a deleted session stays in the app trash before it is purged. */
  trashRetentionDays: z.number().int().min(1).max(3650).default(30),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The app's own settings file (see JsonFile for how it is read and written). */
export class SettingsFile extends JsonFile<Settings> {
  constructor(path: string) {
    super(path, settingsSchema, () => ({ version: 1, roots: [], demo: false, trashRetentionDays: 30 }));
  }
}
