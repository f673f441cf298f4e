import { sessionIdSchema } from '../shared/api';
import { AppError } from '../shared/errors';
import type { SessionSummary } from '../shared/model';
import type { Context } from './context';
import { UsageError } from './errors';

/**
 * The contract addresses a session by root and id, but people type only the id: find the one
 * root that holds it, and answer with the session as the list has it. The id is checked against
 * the contract first, so `../x` is refused as invalid input rather than searched for.
 */
export async function locate(context: Context, id: string): Promise<SessionSummary> {
  if (!sessionIdSchema.safeParse(id).success) {
    throw new AppError(
      'invalid_input',
      'not a session id: ids use letters, digits, "_", "-" and ".", and never start with "."',
    );
  }
  const matches = (await context.call('sessions.list', {})).filter((session) => session.ref.id === id);
  const [only] = matches;
  if (only && matches.length === 1) return only;
  if (!only) {
    throw new AppError('not_found', `no session ${id}${context.rootsGiven ? ' in the given roots' : ''}`);
  }
  const roots = await context.call('roots.list', {});
  const places = matches.map(
    (match) => roots.find((root) => root.id === match.ref.root)?.path ?? match.ref.root,
  );
  throw new UsageError(
    `session ${id} is in ${matches.length} roots (${places.join(', ')}); choose one with --root DIR`,
  );
}
