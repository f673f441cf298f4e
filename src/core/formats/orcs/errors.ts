/**
 * ORCS's `StorageError` variants (formats.md §1.4) as AppErrors, so a failure keeps the name ORCS
 * gives it and still crosses the contract with one of our codes.
 */
import { AppError } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';

export type StorageErrorKind =
  'NotFound' | 'Serialization' | 'InvalidPath' | 'PermissionDenied' | 'Io' | 'Conflict';

const codes: Record<StorageErrorKind, ErrorCode> = {
  NotFound: 'not_found',
  Serialization: 'corrupt',
  InvalidPath: 'invalid_input',
  PermissionDenied: 'io',
  Io: 'io',
  Conflict: 'conflict',
};

export class OrcsStorageError extends AppError {
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string) {
    super(codes[kind], message);
    this.name = 'OrcsStorageError';
    this.kind = kind;
  }
}

/** Maps a failed file-system call to the StorageError ORCS would raise for it. */
export function fromFsError(error: unknown, what: string): OrcsStorageError {
  if (error instanceof OrcsStorageError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new OrcsStorageError('NotFound', `${what} does not exist`);
  if (code === 'EACCES' || code === 'EPERM')
    return new OrcsStorageError('PermissionDenied', `permission denied: ${what}`);
  const detail = error instanceof Error ? error.message : String(error);
  return new OrcsStorageError('Io', `${what}: ${detail}`);
}
