import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary } from '../core/library';
import { contentSecurityPolicy } from '../shared/csp';
import { startServer } from './app';
import type { RunningServer } from './app';
import { sender } from './testing';

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-server-'));
  const renderer = join(dir, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  const library = createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    resourcesDir: join(dir, 'resources'),
    host: 'browser',
    version: '0.0.0-test',
  });
  server = await startServer({ library, rendererDir: renderer, port: 0, token: 'secret-token' });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const send = (path: string, options?: Parameters<ReturnType<typeof sender>>[1]) =>
  sender(server.port)(path, options);

const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sessionscope-token': 'secret-token', ...headers },
    body: JSON.stringify(body),
  });

describe('the browser host', () => {
  it('listens on the loopback address only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=secret-token$/);
  });

  it('answers a call with the token and sends the CSP header on every response', async () => {
    const answer = await call('roots.list', {});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: [] });
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect((await send('/')).headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('refuses calls without the token, or with a wrong one, with 401', async () => {
    expect((await send('/api/call/roots.list', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await call('roots.list', {}, { 'x-sessionscope-token': 'secret-tokem' })).status).toBe(401);
    expect((await send('/api/events')).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403', async () => {
    expect((await call('roots.list', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await call('roots.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('roots.list', {}, { origin: `http://localhost:${server.port}` })).status).toBe(200);
    expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('answers bad calls with typed errors, never a stack', async () => {
    const unknown = JSON.parse((await call('fs.readFile', { path: '/etc/passwd' })).body);
    expect(unknown).toEqual({ ok: false, error: { code: 'unsupported', message: 'no such call' } });
    const invalid = JSON.parse(
      (await call('session.get', { ref: { root: 'abc', id: '../../etc/passwd' } })).body,
    );
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid_input');
    const notJson = await send('/api/call/roots.list', {
      method: 'POST',
      headers: { 'x-sessionscope-token': 'secret-token' },
      body: '{not json',
    });
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input');
    const missing = JSON.parse((await call('session.get', { ref: { root: 'abc', id: 'x' } })).body);
    expect(missing.error).toEqual({ code: 'not_found', message: 'no such root' });
    expect(JSON.stringify([unknown, invalid, missing])).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses request bodies over 1 MB', async () => {
    const answer = await call('roots.list', { padding: 'x'.repeat(1024 * 1024 + 1) });
    expect(answer.status).toBe(413);
  });
});
