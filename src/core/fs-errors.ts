import { AppError } from '../shared/errors';

/** Maps Node's errno errors onto the contract's codes with a message a person can act on. */
export function fromFsError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new AppError('not_found', `${what} does not exist`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('io', `permission denied: ${what}`);
    case 'EEXIST':
      return new AppError('conflict', `${what} already exists`);
    case 'ENOSPC':
      return new AppError('io', `no space left on the device for ${what}`);
    default:
      return new AppError('io', `${what}: ${error instanceof Error ? error.message : 'input/output error'}`);
  }
}
