import { calls, isCallName } from '../shared/api';
import type { Handlers } from '../shared/api';
import type { Envelope } from '../shared/errors';
import { settle } from '../shared/validate';

/**
 * The validation path of every host without a transport-level wrapper of its own (the browser
 * host, the CLI): the name must be a contract call and the input must match its schema.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unsupported', message: 'no such call' } };
  // The contract pairs calls[name].input with handlers[name]; TypeScript cannot follow that
  // pairing across the union of names, so the handler is widened once, after the schema ran.
  const handler = handlers[name] as (value: unknown) => Promise<unknown>;
  return settle(calls[name].input, input, handler);
}
