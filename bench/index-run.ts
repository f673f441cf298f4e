/**
 * Runs in a process of its own (bench/index-figures.ts starts it), so `peakRssMB` is the indexing
 * process's alone. The index runs in its worker thread, as in the app.
 */
import { appendFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { openIndex } from '../src/core/index/client';
import { createLibrary } from '../src/core/library';
import { ftsCeiling } from './fts-ceiling';
import type { IndexClient } from '../src/core/index/client';
import type { IndexedCorpus } from './index-figures';
import { percentile } from './stats';

const [inputJson] = process.argv.slice(2);
if (!inputJson) throw new Error('usage: index-run <json>');
const { corpus, queries, appData } = JSON.parse(inputJson) as {
  corpus: IndexedCorpus;
  queries: string[];
  appData: string;
};
const dbPath = join(appData, 'index', 'sessions.sqlite');
// The worker as the app ships it (`npm run bench` builds first): run through tsx, it would also
// hold a TypeScript compiler and every module's source in memory, which peakRssMB would count.
const worker = { url: new URL('../out/hosts/index-worker.js', import.meta.url) };
const quiet = { onProgress: () => undefined, onChanged: () => undefined };

async function launch(): Promise<{ client: IndexClient; firstPageMs: number }> {
  const start = performance.now();
  const client = openIndex({ dbPath }, quiet, worker);
  await client.setRoots(corpus.roots);
  await client.page({ offset: 0, limit: 200 });
  return { client, firstPageMs: performance.now() - start };
}

const cold = await launch();
const coldStart = performance.now() - cold.firstPageMs;
await cold.client.sync();
const indexMs = performance.now() - coldStart;
await cold.client.close();

const warm = await launch();
await warm.client.sync();
const times: number[] = [];
for (const query of queries) {
  const start = performance.now();
  await warm.client.search({ query, filters: {}, limit: 50 });
  times.push(performance.now() - start);
}

await warm.client.close();
const { ftsCeilingMBps } = await ftsCeiling(dbPath, corpus.bytes);

const target = corpus.appendTarget.path;
const size = (await stat(target)).size;
const token = `appendvisible${Date.now().toString(36)}`;
// The app as it runs: a Library over the same app data (so the same index), watching the roots.
const library = createLibrary({
  appDataDir: appData,
  env: { home: join(appData, 'home'), vars: {} },
  roots: corpus.roots.map((root) => root.path),
  resourcesDir: join(appData, 'resources'),
  host: 'browser',
  version: 'bench',
  indexWorker: worker,
  watch: true,
});
let appendVisibleMs: number | null;
try {
  const watched = new Promise<void>((resolve) => {
    const stop = library.on('watch.status', (status) => {
      if (status.roots.length < corpus.roots.length || !status.roots.every((root) => root.present)) return;
      stop();
      resolve();
    });
  });
  await library.handlers['sessions.page']({ offset: 0, limit: 200 });
  await watched;
  const start = performance.now();
  const visible = new Promise<number>((resolve) => {
    const stop = library.on('library.changed', (change) => {
      if (!change.sessions?.some((ref) => ref.id === corpus.appendTarget.id)) return;
      void library.handlers['search.query']({ query: token, filters: {}, limit: 5 }).then((found) => {
        if (found.groups.length === 0) return;
        stop();
        resolve(performance.now() - start);
      });
    });
  });
  await appendFile(target, `${JSON.stringify({ role: 'user', content: `a fresh line ${token}` })}\n`);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, 30_000, null)));
  appendVisibleMs = await Promise.race([visible, late]);
  clearTimeout(timer);
} finally {
  await truncate(target, size);
  await library.close();
}
const indexBytes = (
  await Promise.all(
    ['', '-wal'].map((suffix) =>
      stat(dbPath + suffix).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  )
).reduce((sum, bytes) => sum + bytes, 0);

const round = (n: number) => Math.round(n * 10) / 10;
process.stdout.write(
  `${JSON.stringify({
    indexMBps: round(corpus.bytes / 1e6 / (indexMs / 1000)),
    ftsCeilingMBps,
    indexSeconds: round(indexMs / 1000),
    firstListMs: round(cold.firstPageMs),
    warmListMs: round(warm.firstPageMs),
    searchP50Ms: round(percentile(times, 50)),
    searchP95Ms: round(percentile(times, 95)),
    appendVisibleMs: appendVisibleMs === null ? null : round(appendVisibleMs),
    indexPeakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    indexDbMB: Math.round(indexBytes / 1e6),
  })}\n`,
);
