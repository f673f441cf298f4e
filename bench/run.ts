/**
 * `npm run bench [-- --size small|large] [-- --json]`: builds a corpus, then times the Library
 * the way the app uses it and prints the figures. It reports; it never passes or fails on time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLibrary } from '../src/core/library';
import { sizes, writeCorpus } from './corpus';
import type { Size } from './corpus';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'small' }, json: { type: 'boolean', default: false } },
});
if (!(values.size in sizes)) throw new Error(`--size takes ${Object.keys(sizes).join(' or ')}`);
const size = values.size as Size;

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await run();
  return [Math.round((performance.now() - start) * 10) / 10, value];
}

const dir = await mkdtemp(join(tmpdir(), 'sessionscope-bench-'));
try {
  const sessionsDir = join(dir, 'sessions');
  const [generateMs, corpus] = await timed(() => writeCorpus(sessionsDir, size));
  const open = () =>
    createLibrary({
      appDataDir: join(dir, 'appdata'),
      env: { home: join(dir, 'home'), vars: {} },
      roots: [sessionsDir],
      resourcesDir: join(dir, 'resources'),
      host: 'cli',
      version: 'bench',
    });
  const library = open();
  const [coldListMs, list] = await timed(() => library.handlers['sessions.list']({}));
  const [warmListMs] = await timed(() => library.handlers['sessions.list']({}));
  const largest = list.find((summary) => summary.ref.id === corpus.largest);
  if (!largest) throw new Error('the largest session is missing from the list');
  const ref = largest.ref;
  const firstPage = () =>
    Promise.all([
      library.handlers['session.get']({ ref }),
      library.handlers['session.turns']({ ref, from: 0, count: 200 }),
    ]);
  const [openLargestColdMs] = await timed(firstPage);
  const [openLargestWarmMs] = await timed(firstPage);
  const [renameMs] = await timed(() =>
    library.handlers['session.rename']({ ref, title: 'renamed by the bench' }),
  );

  const figures = {
    size,
    sessions: list.length,
    corpusMB: Math.round(corpus.bytes / 1e5) / 10,
    largestTurns: largest.turnCount,
    generateMs: Math.round(generateMs),
    coldListMs,
    warmListMs,
    listMBps: Math.round(corpus.bytes / 1e6 / (coldListMs / 1000)),
    openLargestColdMs,
    openLargestWarmMs,
    renameMs,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (values.json) console.log(JSON.stringify(figures));
  else console.table(figures);
  await library.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
