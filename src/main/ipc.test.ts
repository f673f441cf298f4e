import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { callNames } from '../shared/api';
import type { Handlers } from '../shared/api';
import { AppError } from '../shared/errors';
import type { Envelope } from '../shared/errors';
import { eventChannel } from '../shared/api';
import { forwardEvents, handle, registerCalls } from './ipc';
import type { EventSource, InvokeEventLike, IpcMainLike } from './ipc';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** Records what was registered, and invokes it the way Electron would. */
function fakeIpc() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  async function invoke(
    channel: string,
    event: InvokeEventLike,
    ...args: unknown[]
  ): Promise<Envelope<unknown>> {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`nothing registered on ${channel}`);
    return listener(event, ...args);
  }
  return { ipc, listeners, invoke };
}

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://sessionscope/index.html', parent: null } };
const schema = z.object({ name: z.string().trim().min(1) }).strict();

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('handle', () => {
  it('answers ok with the result of fn, which receives the parsed input', async () => {
    const { ipc, invoke } = fakeIpc();
    const fn = vi.fn(async (input: { name: string }) => `hello ${input.name}`);
    handle(ipc, 'greet', schema, fn);
    await expect(invoke('greet', fromApp, { name: '  Ada ' })).resolves.toEqual({
      ok: true,
      value: 'hello Ada',
    });
    expect(fn).toHaveBeenCalledWith({ name: 'Ada' });
  });

  it('accepts a page deeper inside our origin, with a query and a hash', async () => {
    const { ipc, invoke } = fakeIpc();
    handle(ipc, 'greet', schema, async () => 'ok');
    const event = { senderFrame: { url: 'app://sessionscope/index.html?x=1#/sessions', parent: null } };
    await expect(invoke('greet', event, { name: 'a' })).resolves.toEqual({ ok: true, value: 'ok' });
  });

  it.each([
    'https://evil.example/index.html',
    'http://sessionscope/index.html',
    'file:///home/someone/sessionscope/out/renderer/index.html',
    'app://evil/index.html',
    'app://sessionscope.evil.example/index.html',
    'app://sessionscope:8080/index.html',
    'app://user:pass@sessionscope/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses a sender on %j without calling fn', async (url) => {
    const { ipc, invoke } = fakeIpc();
    const fn = vi.fn(async () => 'secret');
    handle(ipc, 'greet', schema, fn);
    const answer = await invoke('greet', { senderFrame: { url, parent: null } }, { name: 'a' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a subframe, even one on our own origin', async () => {
    const { ipc, invoke } = fakeIpc();
    const fn = vi.fn(async () => 'secret');
    handle(ipc, 'greet', schema, fn);
    const parent = { url: 'app://sessionscope/index.html', parent: null };
    const answer = await invoke(
      'greet',
      { senderFrame: { url: 'app://sessionscope/frame.html', parent } },
      { name: 'a' },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses when the sender frame is gone', async () => {
    const { ipc, invoke } = fakeIpc();
    const fn = vi.fn(async () => 'secret');
    handle(ipc, 'greet', schema, fn);
    await expect(invoke('greet', { senderFrame: null }, { name: 'a' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    ['a wrong type', { name: 42 }],
    ['an unknown key', { name: 'a', path: '/etc/passwd' }],
    ['an empty value', { name: '   ' }],
    ['a non-object', 'name'],
  ])('answers invalid_input for %s without calling fn', async (_label, input) => {
    const { ipc, invoke } = fakeIpc();
    const fn = vi.fn(async () => 'never');
    handle(ipc, 'greet', schema, fn);
    const answer = await invoke('greet', fromApp, input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('keeps the code and message of a thrown AppError', async () => {
    const { ipc, invoke } = fakeIpc();
    handle(ipc, 'greet', schema, async () => {
      throw new AppError('not_found', 'No such session.');
    });
    await expect(invoke('greet', fromApp, { name: 'a' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such session.' },
    });
  });

  it('reports a plain Error as io, with its message and without its stack', async () => {
    const { ipc, invoke } = fakeIpc();
    handle(ipc, 'greet', schema, async () => {
      throw new Error('disk on fire');
    });
    const answer = await invoke('greet', fromApp, { name: 'a' });
    expect(answer).toStrictEqual({ ok: false, error: { code: 'io', message: 'disk on fire' } });
    expect(JSON.stringify(answer)).not.toContain('ipc.test.ts');
  });

  it('reports a thrown non-Error as io without echoing it', async () => {
    const { ipc, invoke } = fakeIpc();
    handle(ipc, 'greet', schema, () => Promise.reject('raw internals'));
    await expect(invoke('greet', fromApp, { name: 'a' })).resolves.toEqual({
      ok: false,
      error: { code: 'io', message: 'Unexpected error' },
    });
  });
});

describe('registerCalls', () => {
  function echoHandlers(): Handlers {
    return Object.fromEntries(
      callNames.map((name) => [name, vi.fn(async (input: unknown) => ({ name, input }))]),
    ) as unknown as Handlers;
  }

  it('binds exactly the calls of the contract', () => {
    const { ipc, listeners } = fakeIpc();
    registerCalls(ipc, echoHandlers());
    expect([...listeners.keys()].sort()).toEqual([...callNames].sort());
  });

  it('validates each call with its own schema before the handler runs', async () => {
    const { ipc, invoke } = fakeIpc();
    const handlers = echoHandlers();
    registerCalls(ipc, handlers);

    const ref = { root: 'abc123', id: 'session-1' };
    await expect(invoke('session.turns', fromApp, { ref, from: 0, count: 50 })).resolves.toEqual({
      ok: true,
      value: { name: 'session.turns', input: { ref, from: 0, count: 50 } },
    });
    await expect(invoke('session.turns', fromApp, { ref, from: 0, count: 0 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await expect(invoke('session.get', fromApp, { ref: { root: '../etc', id: 'x' } })).resolves.toMatchObject(
      {
        ok: false,
        error: { code: 'invalid_input' },
      },
    );
    expect(handlers['session.get']).not.toHaveBeenCalled();
  });

  it('checks the sender on every call it binds', async () => {
    const { ipc, invoke } = fakeIpc();
    const handlers = echoHandlers();
    registerCalls(ipc, handlers);
    const stranger = { senderFrame: { url: 'https://evil.example/', parent: null } };
    for (const name of callNames) {
      await expect(invoke(name, stranger, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unsupported' },
      });
      expect(handlers[name]).not.toHaveBeenCalled();
    }
  });
});

describe('forwardEvents', () => {
  it('sends every library event on event:<name> until stopped', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const source: EventSource = {
      on: (event, listener) => {
        listeners.set(event, listener as (payload: unknown) => void);
        return () => void listeners.delete(event);
      },
    };
    const send = vi.fn();
    const stop = forwardEvents(source, send);

    listeners.get('library.changed')?.({ root: 'abc' });
    expect(send).toHaveBeenCalledWith('event:library.changed', { root: 'abc' });
    expect(eventChannel('library.changed')).toBe('event:library.changed');

    stop();
    expect(listeners.size).toBe(0);
  });
});
