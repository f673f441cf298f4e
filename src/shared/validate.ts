import type { z } from 'zod';
import { AppError } from './errors';

/** Parses untrusted input against a call's schema, turning zod's report into one readable line. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('invalid_input', `${where}${issue?.message ?? 'invalid input'}`);
}
