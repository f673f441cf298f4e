import { z } from 'zod';

/** Every failure that crosses a boundary carries one of these codes and a human message. */
export const errorCodes = ['not_found', 'invalid_input', 'conflict', 'io', 'corrupt', 'unsupported'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const wireErrorSchema = z.object({ code: z.enum(errorCodes), message: z.string() });
export type WireError = z.infer<typeof wireErrorSchema>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toWire(): WireError {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Anything that is not an AppError is reported without its stack, which could leak internals. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) return error.toWire();
  const message = error instanceof Error && error.message ? error.message : 'Unexpected error';
  return { code: 'io', message };
}

/** The one shape every call's answer takes on every transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error.code, envelope.error.message);
}
