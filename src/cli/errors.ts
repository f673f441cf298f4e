import { AppError, toWireError } from '../shared/errors';
import { cleanLine } from './sanitize';

/**
 * The command line itself was wrong (unknown command or flag, missing or extra operand, an
 * ambiguous id): exit 2. It keeps the contract's `invalid_input` code so scripts see one
 * vocabulary of errors whatever the host.
 */
export class UsageError extends AppError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? exitCodes.usage : exitCodes.failed;
}

/** Exactly one line, never a stack: messages can quote ids, names and paths, so they are cleaned. */
export function errorLine(error: unknown): string {
  const wire = toWireError(error);
  return `sessionscope: ${wire.code}: ${cleanLine(wire.message)}\n`;
}
