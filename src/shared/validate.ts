import type { z } from 'zod';
import { AppError, isAppError, toWireError } from './errors';
import type { Envelope } from './errors';

/** Parses untrusted input against a call's schema, turning zod's report into one readable line. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('invalid_input', `${where}${issue?.message ?? 'invalid input'}`);
}

/**
 * Validates input, runs the handler, and answers an envelope whatever happens, so no transport
 * ever carries a thrown error or a stack. `onUnexpected` sees errors that are not AppErrors, for
 * the host's own log.
 */
export async function settle<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  fn: (input: z.output<S>) => Promise<T>,
  onUnexpected?: (error: unknown) => void,
): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await fn(parseInput(schema, raw)) };
  } catch (error) {
    if (!isAppError(error)) onUnexpected?.(error);
    return { ok: false, error: toWireError(error) };
  }
}
