import { calls, isCallName } from '../shared/api';
import type { CallName, Handlers } from '../shared/api';
import { AppError, toWireError } from '../shared/errors';
import type { Envelope } from '../shared/errors';
import { parseInput } from '../shared/validate';

/**
 * The one validation path for every host that has no transport-level wrapper of its own: the
 * name must be a contract call, the input must match its schema, and the answer is always an
 * envelope, so no transport ever sees a thrown error or a stack.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isCallName(name)) throw new AppError('unsupported', 'no such call');
    return { ok: true, value: await invoke(handlers, name, input) };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

function invoke<K extends CallName>(handlers: Handlers, name: K, input: unknown): Promise<unknown> {
  const parsed = parseInput(calls[name].input, input);
  const handler = handlers[name] as (value: unknown) => Promise<unknown>;
  return handler(parsed);
}
