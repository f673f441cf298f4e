/**
 * The lines of `audit.jsonl`. A write is logged twice: a `begin` line before it touches any file
 * (with the hashes before) and an `end` line after (with the hashes after and how to reverse it).
 * A `begin` with no `end` is a write the app was killed in the middle of: it is still on record.
 */
import { z } from 'zod';
import { auditOperations } from '../../shared/history';
import { formatIds } from '../../shared/model';
import { undoPlanSchema } from './undo-plan';

const rootSchema = z.object({ id: z.string(), path: z.string() });

export const auditSessionSchema = z.object({
  root: rootSchema,
  id: z.string(),
  format: z.enum(formatIds),
  title: z.string(),
});
export type AuditSessionRecord = z.infer<typeof auditSessionSchema>;

const fileSchema = z.object({
  file: z.string(),
  sha256Before: z.string().nullable(),
  sha256After: z.string().nullable().optional(),
});

export const beginSchema = z.object({
  version: z.literal(1),
  phase: z.literal('begin'),
  id: z.string(),
  time: z.string(),
  operation: z.enum(auditOperations),
  sessions: z.array(auditSessionSchema),
  files: z.array(fileSchema),
  undoes: z.string().nullable(),
});
export type BeginRecord = z.infer<typeof beginSchema>;

export const endSchema = z.object({
  version: z.literal(1),
  phase: z.literal('end'),
  id: z.string(),
  time: z.string(),
  status: z.enum(['done', 'failed']),
  error: z.string().nullable(),
  /** The sessions as the write left them (a fork names the one it made). */
  sessions: z.array(auditSessionSchema),
  files: z.array(fileSchema),
  detail: z.string().nullable(),
  undo: undoPlanSchema.nullable(),
});
export type EndRecord = z.infer<typeof endSchema>;

export const auditRecordSchema = z.discriminatedUnion('phase', [beginSchema, endSchema]);
