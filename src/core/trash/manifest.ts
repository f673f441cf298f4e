import { z } from 'zod';
import { formatIds } from '../../shared/model';

export const trashedFileSchema = z.object({
  original: z.string(),
  stored: z.string(),
  size: z.number(),
  sha256: z.string(),
});

/**
 * Written before any file moves (state "moving") and again after (state "trashed"), so a crash
 * mid-delete still leaves a record of where every file came from.
 */
export const manifestSchema = z.object({
  version: z.literal(1),
  trashId: z.string(),
  state: z.enum(['moving', 'trashed']),
  deletedAt: z.string(),
  format: z.enum(formatIds),
  root: z.object({ id: z.string(), path: z.string() }),
  sessionId: z.string(),
  title: z.string(),
  files: z.array(trashedFileSchema),
});
export type TrashManifest = z.infer<typeof manifestSchema>;
