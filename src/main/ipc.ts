/**
 * The only place the main process answers IPC. Every call goes through `handle`, which checks who
 * is asking before it looks at what they ask, parses the input with the contract's schema and
 * answers an Envelope whatever happens (security.md §1.1 #17, style.md rule 4).
 */
import type { z } from 'zod';
import { calls, callNames, eventChannel, eventNames } from '../shared/api';
import type { EventName, Events, Handlers } from '../shared/api';
import type { Envelope } from '../shared/errors';
import { settle } from '../shared/validate';
import { isAppUrl } from './appOrigin';

/** The part of a WebFrameMain the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The part of an IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** The part of Electron's `ipcMain` we use, so the wrapper runs under Vitest with a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<Envelope<unknown>>,
  ): void;
}

/**
 * Only our own top-level page may call. `senderFrame` is null once the frame navigated away or was
 * destroyed, and its `url` may be empty or about:blank after a devtools reload
 * (microsoft/vscode#147301); all of those are refused rather than guessed at.
 */
export function isTrustedSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

const refused: Envelope<never> = {
  ok: false,
  error: { code: 'unsupported', message: 'This window is not allowed to call Sessionscope.' },
};

/**
 * Binds one channel. `fn` only ever sees input the schema accepted; whatever it throws becomes a
 * wire error (an AppError keeps its code, anything else is `io` without its stack).
 */
export function handle<S extends z.ZodType, T>(
  ipc: IpcMainLike,
  channel: string,
  schema: S,
  fn: (input: z.output<S>) => Promise<T>,
): void {
  ipc.handle(channel, async (event, raw): Promise<Envelope<T>> => {
    if (!isTrustedSender(event)) {
      console.warn(`Refused IPC on "${channel}" from ${event.senderFrame?.url || 'a gone frame'}`);
      return refused;
    }
    // The renderer gets the code and message only; the stack stays in the main process log.
    return settle(schema, raw, fn, (error) => console.error(`IPC "${channel}" failed:`, error));
  });
}

/** Binds every call of the contract, so a call the core implements can't be left unreachable. */
export function registerCalls(ipc: IpcMainLike, handlers: Handlers): void {
  for (const name of callNames) {
    // The contract pairs calls[name].input with handlers[name], but TypeScript can't follow that
    // pairing across the union of names; widen the handler once, here, after the schema ran.
    const fn = handlers[name] as (input: unknown) => Promise<unknown>;
    handle(ipc, name, calls[name].input, fn);
  }
}

export interface EventSource {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** Forwards every contract event to `send`; returns a function that stops forwarding. */
export function forwardEvents(
  source: EventSource,
  send: (channel: string, payload: unknown) => void,
): () => void {
  const stops = eventNames.map((name) => source.on(name, (payload) => send(eventChannel(name), payload)));
  return () => {
    for (const stop of stops) stop();
  };
}
