import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveExport } from './export';
import { maxCopyBytes } from './export';
import { orcsSandbox, writeOrcsSession } from './formats/orcs/testkit';
import { createLibrary } from './library';
import type { Library } from './library';

let library: Library | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
});

async function open(saveExport?: SaveExport) {
  const { base, home, root } = await orcsSandbox();
  const id = await writeOrcsSession(root, {
    name: 'Deploy <script>alert(1)</script>',
    turns: [
      { role: 'user', content: 'Ship **it**' },
      { role: 'assistant', content: '<img src=x onerror=alert(2)>' },
    ],
  });
  library = createLibrary({
    appDataDir: home,
    env: { home: join(base, 'home'), vars: {} },
    roots: [root],
    resourcesDir: join(base, 'resources'),
    host: saveExport ? 'electron' : 'browser',
    version: '0.0.0-test',
    saveExport,
  });
  const [only] = await library.handlers['sessions.list']({});
  if (!only) throw new Error('the session was not listed');
  expect(only.ref.id).toBe(id);
  return { library, ref: only.ref };
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe('exporting from the window', () => {
  it('saves through the host with a safe name, made only once a place is chosen', async () => {
    const saved: { name: string; format: string; body: string }[] = [];
    const { library, ref } = await open(async (name, format, chunks) => {
      saved.push({ name, format, body: await text(chunks()) });
      return `chosen-${name}`;
    });
    const outcome = await library.handlers['session.export']({ ref, to: 'html' });
    expect(outcome).toEqual({ outcome: 'saved', fileName: 'chosen-Deploy-script-alert-1-script.html' });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(saved[0]?.body).not.toMatch(/<script|<img/i);
  });

  it('says so when the person cancels the save dialog, and reads nothing', async () => {
    let asked = false;
    const { library, ref } = await open(async () => {
      asked = true;
      return null;
    });
    expect(await library.handlers['session.export']({ ref, to: 'md' })).toEqual({ outcome: 'cancelled' });
    expect(asked).toBe(true);
  });

  it('hands the browser host a ticket that downloads once', async () => {
    const { library, ref } = await open();
    const outcome = await library.handlers['session.export']({ ref, to: 'json' });
    if (outcome.outcome !== 'download') throw new Error(`expected a download, got ${outcome.outcome}`);
    const document = await library.exportDownload(outcome.ticket);
    if (!document) throw new Error('the ticket named no export');
    expect(document.fileName).toBe('Deploy-script-alert-1-script.json');
    expect(document.mediaType).toBe('application/json; charset=utf-8');
    const body = JSON.parse(await text(document.chunks)) as { turns: unknown[] };
    expect(body.turns).toHaveLength(2);
    expect(await library.exportDownload(outcome.ticket)).toBeNull();
  });

  it('refuses tickets it never issued, whatever they look like', async () => {
    const { library } = await open();
    for (const ticket of ['', '0'.repeat(32), '../settings.json', 'a'.repeat(10_000)]) {
      expect(await library.exportDownload(ticket)).toBeNull();
    }
  });

  it('gives Markdown to copy, and refuses a session too long for a clipboard', async () => {
    const { library, ref } = await open();
    const { text: markdown } = await library.handlers['session.markdown']({ ref });
    expect(markdown).toContain('Ship **it**');
    expect(markdown).toContain('Deploy');

    const { root } = await orcsSandbox();
    const huge = 'x'.repeat(1024 * 1024);
    await writeOrcsSession(root, {
      turns: Array.from({ length: maxCopyBytes / huge.length + 1 }, () => ({ role: 'user', content: huge })),
    });
    const { base, home } = await orcsSandbox();
    const big = createLibrary({
      appDataDir: home,
      env: { home: join(base, 'home'), vars: {} },
      roots: [root],
      resourcesDir: join(base, 'resources'),
      host: 'browser',
      version: '0.0.0-test',
    });
    try {
      const [session] = await big.handlers['sessions.list']({});
      if (!session) throw new Error('the large session was not listed');
      await expect(big.handlers['session.markdown']({ ref: session.ref })).rejects.toMatchObject({
        code: 'unsupported',
      });
    } finally {
      await big.close();
    }
  });
});

describe('copying through the host', () => {
  it("uses the host's clipboard where it has one, and leaves it to the page elsewhere", async () => {
    const copied: string[] = [];
    const { base, home } = await orcsSandbox();
    const withClipboard = createLibrary({
      appDataDir: home,
      env: { home: join(base, 'home'), vars: {} },
      resourcesDir: join(base, 'resources'),
      host: 'electron',
      version: '0.0.0-test',
      copyText: (text) => copied.push(text),
    });
    try {
      expect(await withClipboard.handlers['app.copyText']({ text: '# Notes' })).toEqual({ copied: true });
      expect(copied).toEqual(['# Notes']);
    } finally {
      await withClipboard.close();
    }
    const { library: browser } = await open();
    expect(await browser.handlers['app.copyText']({ text: 'x' })).toEqual({ copied: false });
  });
});
