/**
 * How to reverse each ZeroClaw write, as the JSON the Library keeps in its undo journal. Bytes are
 * base64 so lines that are not UTF-8 (a torn write, NUL runs) come back exactly as they were.
 * Steps are read back from disk, so they are parsed, never trusted.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { UndoStep } from '../format';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const offset = z.number().int().min(0);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const appendStep = z.object({
  format: z.literal('zeroclaw'),
  op: z.literal('append'),
  /** Where our bytes start; they must still be the file's last bytes. */
  offset,
  written: base64,
});

const removeLastStep = z.object({
  format: z.literal('zeroclaw'),
  op: z.literal('removeLast'),
  /** Where the line was; the bytes before it must be unchanged. */
  offset,
  line: base64,
  terminated: z.boolean(),
  prefixSha256: sha256,
});

const compactStep = z.object({
  format: z.literal('zeroclaw'),
  op: z.literal('compact'),
  /** The compacted content's length; those bytes must be unchanged. */
  length: offset,
  prefixSha256: sha256,
  /** Each dropped line and the offset in the compacted content it goes back to. */
  dropped: z.array(z.object({ at: offset, line: base64 })),
});

export const stepSchema = z.discriminatedUnion('op', [appendStep, removeLastStep, compactStep]);
export type ZeroclawStep = z.infer<typeof stepSchema>;

export function readStep(step: UndoStep): ZeroclawStep {
  const parsed = stepSchema.safeParse(step);
  if (!parsed.success) throw new AppError('invalid_input', 'this undo record is not one of a ZeroClaw write');
  return parsed.data;
}

export const encode = (bytes: Buffer): string => bytes.toString('base64');
export const decode = (text: string): Buffer => Buffer.from(text, 'base64');
