/**
 * The Library keeps what it learned of a large session in the index database (a ZeroClaw line
 * index, a yoi digest), and a later launch pages the session without reading it through. A
 * launch is a fresh module graph (vi.resetModules), so the formats' in-memory caches are gone as
 * they are in a new process.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { SessionRef } from '../shared/model';
import type { LogEntry } from './formats/yoi/entries';
import { LIST_READ_BYTES } from './formats/yoi/store';
import { SOURCE_ID, chain, writeLog } from './formats/yoi/testkit';
import { line } from './formats/zeroclaw/testkit';
import { MIN_STORED_BYTES } from './jsonl/index-cache';
import { tempDir } from './index/testkit';
import type { Library } from './library';
import { rootId } from './roots';
import { countReads } from './jsonl/testkit';
import { defaultConfig } from './formats/yoi/entries';

let dir: string;
let reads: { bytes: number };
beforeEach(async () => {
  dir = await tempDir();
  reads = await countReads();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const worker = { url: new URL('./index/worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };

/** A log past LIST_READ_BYTES, so listing it only glances at it: opening it is what reads it. */
function entries(): LogEntry[] {
  const text = 'the harbour lights need new lenses '.repeat(30);
  const out: LogEntry[] = [
    {
      kind: 'session_start',
      ts: 1,
      system_prompt: null,
      config: defaultConfig(),
      history: [],
    },
  ];
  for (let i = 0; out.length * text.length < 1.2 * LIST_READ_BYTES; i++)
    out.push({
      kind: i % 2 ? 'assistant_items' : 'user_input',
      ts: 1000 + i,
      ...(i % 2
        ? {
            items: [
              { type: 'message', role: 'assistant', content: [{ type: 'text', text: `${i} ${text}` }] },
            ],
          }
        : { item: { type: 'message', role: 'user', content: [{ type: 'text', text: `${i} ${text}` }] } }),
    } as LogEntry);
  return out;
}

async function largeLog(): Promise<{ sessions: string; size: number; ref: { root: string; id: string } }> {
  const sessions = join(dir, 'sessions');
  await mkdir(sessions);
  const path = await writeLog(sessions, SOURCE_ID, chain(entries()).lines);
  return { sessions, size: (await stat(path)).size, ref: { root: rootId(sessions), id: SOURCE_ID } };
}

/** A launch with its own module graph; `use` runs on its Library, which closes after. */
async function launch<T>(
  sessions: string,
  mode: 'inline' | 'worker',
  use: (library: Library) => Promise<T>,
): Promise<{ value: T; read: number }> {
  vi.resetModules();
  const { createLibrary } = await import('./library');
  const library = createLibrary({
    appDataDir: join(dir, 'app'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: [sessions],
    resourcesDir: join(dir, 'resources'),
    host: 'cli',
    version: 'test',
    indexWorker: mode === 'worker' ? worker : undefined,
  });
  try {
    reads.bytes = 0;
    const value = await use(library);
    return { value, read: reads.bytes };
  } finally {
    await library.close();
  }
}

const firstPage = (ref: SessionRef) => (library: Library) =>
  library.handlers['session.turns']({ ref, from: 0, count: 200 });

for (const mode of ['inline', 'worker'] as const) {
  it(
    `a second launch (${mode} index) pages a large yoi log from its stored digest`,
    { timeout: 60_000 },
    async () => {
      const { sessions, size, ref } = await largeLog();
      const first = await launch(sessions, mode, firstPage(ref));
      expect(first.read).toBeGreaterThanOrEqual(size);
      const second = await launch(sessions, mode, firstPage(ref));
      expect(second.value).toEqual(first.value);
      expect(second.value.turns).toHaveLength(200);
      // The page and the checks of the log's head: no fold of the log.
      expect(second.read).toBeLessThan(512 * 1024);
    },
  );
}

it(
  'a log the index thread read for search opens from the digest that thread stored',
  { timeout: 60_000 },
  async () => {
    const { sessions, ref } = await largeLog();
    await launch(sessions, 'worker', async (library) => {
      for (;;) {
        const page = await library.handlers['sessions.page']({ offset: 0, limit: 10 });
        const status = await library.handlers['index.status']({});
        if (status.phase === 'idle' && page.items.length === 1 && !page.items[0]?.pending) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const opened = await launch(sessions, 'worker', firstPage(ref));
    expect(opened.value.turns).toHaveLength(200);
    expect(opened.read).toBeLessThan(512 * 1024);
  },
);

for (const mode of ['inline', 'worker'] as const) {
  it(
    `a second launch (${mode} index) pages a large ZeroClaw session from its stored line index`,
    { timeout: 60_000 },
    async () => {
      const sessions = join(dir, 'sessions');
      await mkdir(sessions);
      const message = 'the harbour lights need new lenses '.repeat(30);
      const count = Math.ceil((3 * MIN_STORED_BYTES) / message.length);
      const text = Array.from({ length: count }, (_, i) =>
        line(i % 2 ? 'assistant' : 'user', `${i} ${message}`),
      ).join('');
      await writeFile(join(sessions, 'large.jsonl'), text);
      const ref = { root: rootId(sessions), id: 'large' };
      const lastPage = (library: Library) =>
        library.handlers['session.turns']({ ref, from: count - 20, count: 20 });

      const first = await launch(sessions, mode, lastPage);
      expect(first.read).toBeGreaterThanOrEqual(text.length);
      const second = await launch(sessions, mode, lastPage);
      expect(second.value).toEqual(first.value);
      // The page, and the first and last 64 KB the store reads for the session's times: no scan.
      expect(second.read).toBeLessThan(256 * 1024);
    },
  );
}
