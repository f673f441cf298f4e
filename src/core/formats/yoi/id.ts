/**
 * Session ids: `Uuid::now_v7()` written with `Display` (lowercase, hyphenated). Only that form is
 * accepted from callers, so an id can never name a path outside the root (security.md §3.4).
 */
import { randomFillSync } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isSessionId = (id: string): boolean => UUID.test(id);

export function assertSessionId(id: string): void {
  if (!isSessionId(id))
    throw new AppError('invalid_input', `not a yoi session id: ${JSON.stringify(id.slice(0, 80))}`);
}

export const logPath = (dir: string, id: string): string => join(dir, `${id}.jsonl`);
export const tracePath = (dir: string, id: string): string => join(dir, `${id}.trace.jsonl`);

/** A file name of the store's log form, as `list_sessions` accepts it, or null. */
export function idFromFileName(name: string): string | null {
  if (!name.endsWith('.jsonl') || name.endsWith('.trace.jsonl')) return null;
  const stem = name.slice(0, -'.jsonl'.length);
  return isSessionId(stem) ? stem : null;
}

/** RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits. */
export function uuidv7(nowMs: number, random: Buffer = randomFillSync(Buffer.alloc(10))): string {
  const b = Buffer.alloc(16);
  b.writeUIntBE(nowMs, 0, 6);
  random.copy(b, 6, 0, 10);
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
