import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orcsSandbox, writeOrcsSession } from '../core/formats/orcs/testkit';
import { createLibrary } from '../core/library';
import type { Library } from '../core/library';
import type { ExportOutcome } from '../shared/export';
import { startServer } from './app';
import type { RunningServer } from './app';
import { sender } from './testing';

let base: string;
let library: Library;
let server: RunningServer;
let id: string;

beforeAll(async () => {
  const sandbox = await orcsSandbox();
  base = sandbox.base;
  id = await writeOrcsSession(sandbox.root, {
    name: 'Release notes "v2"',
    turns: [{ role: 'user', content: '<script>alert(1)</script>' }],
  });
  const renderer = join(base, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  library = createLibrary({
    appDataDir: sandbox.home,
    env: { home: join(base, 'home'), vars: {} },
    roots: [sandbox.root],
    resourcesDir: join(base, 'resources'),
    host: 'browser',
    version: '0.0.0-test',
  });
  server = await startServer({ library, rendererDir: renderer, port: 0, token: 'secret-token' });
});

afterAll(async () => {
  await server.close();
  await library.close();
  await rm(base, { recursive: true, force: true });
});

const token = { 'x-sessionscope-token': 'secret-token' };

async function ticketFor(to: string): Promise<string> {
  const [session] = await library.handlers['sessions.list']({});
  const answer = await sender(server.port)('/api/call/session.export', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...token },
    body: JSON.stringify({ ref: session?.ref, to }),
  });
  const envelope = JSON.parse(answer.body) as { ok: true; value: ExportOutcome };
  if (envelope.value.outcome !== 'download') throw new Error(`no ticket: ${answer.body}`);
  return envelope.value.ticket;
}

describe("the browser host's export download", () => {
  it('streams the export as an attachment, once', async () => {
    const ticket = await ticketFor('html');
    const send = sender(server.port);
    const answer = await send(`/api/export/${ticket}`, { headers: token });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="Release-notes-v2.html"');
    expect(answer.headers['content-security-policy']).toBeDefined();
    expect(answer.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(answer.body).not.toMatch(/<script/i);
    expect(answer.body).toContain(id);
    expect((await send(`/api/export/${ticket}`, { headers: token })).status).toBe(404);
  });

  it('takes the token from the query, since a download link cannot send a header', async () => {
    const ticket = await ticketFor('md');
    const answer = await sender(server.port)(`/api/export/${ticket}?token=secret-token`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/markdown; charset=utf-8');
  });

  it('refuses without the token, and answers 404 for tickets it never issued', async () => {
    const ticket = await ticketFor('json');
    const send = sender(server.port);
    expect((await send(`/api/export/${ticket}`)).status).toBe(401);
    for (const bad of ['0'.repeat(32), '..%2F..%2Fsettings.json', '%00', 'x'.repeat(5000)]) {
      expect((await send(`/api/export/${bad}`, { headers: token })).status).toBe(404);
    }
    expect((await send(`/api/export/${ticket}`, { headers: token })).status).toBe(200);
  });
});
