import { resolve } from 'node:path';
import { z } from 'zod';
import { trashRetentionDaysSchema } from '../shared/api';
import { formatIds } from '../shared/model';
import type { FormatId, RootOrigin } from '../shared/model';
import { JsonFile } from './json-file';

const settingsSchema = z.object({
  version: z.literal(1),
  /**
   * Folders the person added. The format is stored once detected, so a listing never guesses again;
   * one this build does not know reads as not yet detected rather than spoiling the whole file.
   */
  roots: z
    .array(z.object({ path: z.string().min(1), format: z.enum(formatIds).nullable().catch(null) }))
    .default([]),
  /** Found roots (a format's default place, the demo) the person removed: they stay removed. */
  hiddenRoots: z.array(z.object({ path: z.string().min(1) })).default([]),
  demo: z.boolean().default(false),
  trashRetentionDays: trashRetentionDaysSchema.default(30),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The app's own settings file (see JsonFile for how it is read and written). */
export class SettingsFile extends JsonFile<Settings> {
  constructor(path: string) {
    super(path, settingsSchema, () => settingsSchema.parse({ version: 1 }));
  }
}

/** Adds a folder as a root, or, when it is a found root the person had removed, shows it again. */
export function withRootAdded(
  settings: Settings,
  path: string,
  format: Settings['roots'][number]['format'],
  found: boolean,
): Settings {
  const key = resolve(path);
  const hiddenRoots = settings.hiddenRoots.filter((hidden) => resolve(hidden.path) !== key);
  const known = settings.roots.some((root) => resolve(root.path) === key);
  const roots = found || known ? settings.roots : [...settings.roots, { path: key, format }];
  return { ...settings, roots, hiddenRoots };
}

/** Forgets an added root; hides a found one (a default place, the demo), which would come back. */
export function withRootRemoved(settings: Settings, root: { path: string; origin: RootOrigin }): Settings {
  const key = resolve(root.path);
  if (root.origin === 'added') {
    return { ...settings, roots: settings.roots.filter((each) => resolve(each.path) !== key) };
  }
  if (settings.hiddenRoots.some((hidden) => resolve(hidden.path) === key)) return settings;
  return { ...settings, hiddenRoots: [...settings.hiddenRoots, { path: key }] };
}

/** Records the format an added root was found to hold. */
export function withRootFormat(settings: Settings, path: string, format: FormatId | null): Settings {
  const key = resolve(path);
  return {
    ...settings,
    roots: settings.roots.map((root) => (resolve(root.path) === key ? { ...root, format } : root)),
  };
}

export function isHidden(settings: Settings, path: string): boolean {
  const key = resolve(path);
  return settings.hiddenRoots.some((hidden) => resolve(hidden.path) === key);
}
