/**
 * The Library keeps a large ZeroClaw session's line index in the index database, and a later
 * launch pages the session without reading the whole file. A launch is a fresh module graph (vi.resetModules), so the
 * format's in-memory cache starts empty as it does in a new process.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { line } from './formats/zeroclaw/testkit';
import { MIN_STORED_BYTES } from './jsonl/index-cache';
import { rootId } from './roots';
import { tempDir } from './index/testkit';
import { countReads } from './jsonl/testkit';

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

      const launch = async () => {
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
        reads.bytes = 0;
        const page = await library.handlers['session.turns']({ ref, from: count - 20, count: 20 });
        const read = reads.bytes;
        await library.close();
        return { page, read };
      };
      const first = await launch();
      expect(first.read).toBeGreaterThanOrEqual(text.length);
      const second = await launch();
      expect(second.page).toEqual(first.page);
      // The page, and the first and last 64 KB the store reads for the session's times: no scan.
      expect(second.read).toBeLessThan(256 * 1024);
    },
  );
}
