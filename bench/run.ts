/**
 * `npm run bench -- --size small|large [--json]`: gets the deterministic corpus (generated once,
 * then cached), then measures on it, in one run: the raw read-and-parse ceiling, ripgrep over the
 * raw files, the Library's list, opening the giant ZeroClaw session and the giant yoi log (and
 * again in relaunched processes, from what the first launch stored), verifying the giant yoi
 * chain, a rename, and the search index's figures. It reports; it never passes or fails on time.
 * With --json, stdout is one JSON object (use `npm run -s` so npm adds no header); progress goes
 * to stderr.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLibrary } from '../src/core/library';
import type { Library } from '../src/core/library';
import { rootId } from '../src/core/roots';
import { corpusFor, sizes } from './corpus';
import type { Corpus, GiantSession, Size } from './corpus';
import { indexFigures } from './index-figures';
import { queries } from './queries';
import { readAndParseAll } from './raw-read';
import { relaunchFigures } from './relaunch';
import { ripgrepTimes } from './ripgrep';
import { mbps, ms, percentile, timed } from './stats';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'small' }, json: { type: 'boolean', default: false } },
});
if (!(values.size in sizes)) throw new Error(`--size takes ${Object.keys(sizes).join(' or ')}`);
const size = values.size as Size;
const log = (line: string): void => console.error(`bench: ${line}`);

/**
 * A Library over `roots` with app data of its own under `work/<step>`: a new one has none of the
 * caches an earlier step's Library built, in memory or on disk.
 */
function library(work: string, roots: string[]): Library {
  return createLibrary({
    appDataDir: join(work, 'appdata'),
    env: { home: join(work, 'home'), vars: {} },
    roots,
    resourcesDir: join(work, 'resources'),
    host: 'cli',
    version: 'bench',
  });
}

async function withLibrary<T>(
  work: string,
  step: string,
  roots: string[],
  run: (library: Library) => Promise<T>,
): Promise<T> {
  const opened = library(join(work, step), roots);
  try {
    return await run(opened);
  } finally {
    await opened.close();
  }
}

/**
 * The first page of 200 turns of a giant session, as the session view asks for it. Cold is the
 * first open in a fresh Library (the OS page cache is warm from earlier steps); warm the next.
 */
async function openGiant(
  work: string,
  giant: GiantSession,
): Promise<{ cold: number; warm: number; turns: number }> {
  const ref = { root: giant.rootId, id: giant.id };
  return withLibrary(work, `open-${giant.id}`, [join(giant.path, '..')], async (lib) => {
    const firstPage = () =>
      Promise.all([
        lib.handlers['session.get']({ ref }),
        lib.handlers['session.turns']({ ref, from: 0, count: 200 }),
      ]);
    const [cold, [, page]] = await timed(firstPage);
    const [warm] = await timed(firstPage);
    if (page.turns.length !== 200)
      throw new Error(`${giant.path}'s first page has ${page.turns.length} turns`);
    return { cold, warm, turns: page.total };
  });
}

async function verifyGiantYoi(work: string, corpus: Corpus): Promise<number> {
  const giant = corpus.giant.yoi;
  return withLibrary(work, 'verify', [join(giant.path, '..')], async (lib) => {
    const [took, report] = await timed(() =>
      lib.handlers['session.verify']({ ref: { root: giant.rootId, id: giant.id } }),
    );
    if (!report.ok) throw new Error(`the giant yoi log does not verify: ${report.reason}`);
    return mbps(giant.bytes, took);
  });
}

/** Renames a copy of one ORCS session: a write to the cached corpus would change it for later runs. */
async function renameCopy(work: string, corpus: Corpus): Promise<number> {
  const orcs = corpus.roots.find((root) => root.format === 'orcs');
  const name = orcs && (await readdir(orcs.path)).sort()[0];
  if (!orcs || !name) throw new Error('the corpus has no ORCS session');
  const dir = join(work, 'rename', 'orcs');
  await mkdir(dir, { recursive: true });
  await copyFile(join(orcs.path, name), join(dir, name));
  return withLibrary(work, 'rename', [dir], async (lib) => {
    const ref = { root: rootId(dir), id: name.slice(0, -'.json'.length) };
    const [took] = await timed(() => lib.handlers['session.rename']({ ref, title: 'renamed by the bench' }));
    return took;
  });
}

const started = performance.now();
const corpus = await corpusFor(size, log);
const corpusMs = ms(performance.now() - started);
const work = await mkdtemp(join(tmpdir(), 'sessionscope-bench-'));
try {
  log('reading and parsing every file');
  const [rawMs] = await timed(() => readAndParseAll(corpus.roots));
  log(`ripgrep, ${queries.length} queries`);
  const rg = await ripgrepTimes(queries, corpus.dir);
  log('listing through the Library');
  const [listColdMs, listWarmMs, sessions] = await withLibrary(
    work,
    'list',
    corpus.roots.map((root) => root.path),
    async (lib) => {
      const [cold, list] = await timed(() => lib.handlers['sessions.list']({}));
      const [warm] = await timed(() => lib.handlers['sessions.list']({}));
      return [cold, warm, list.length] as const;
    },
  );
  log('opening the giant ZeroClaw session');
  const giant = await openGiant(work, corpus.giant.zeroclaw);
  log('opening the giant yoi log');
  const giantYoi = await openGiant(work, corpus.giant.yoi);
  log('relaunching on the giant sessions');
  const relaunchZeroclaw = await relaunchFigures(work, corpus.giant.zeroclaw);
  const relaunchYoi = await relaunchFigures(work, corpus.giant.yoi);
  log('verifying the giant yoi log');
  const verifyYoiMBps = await verifyGiantYoi(work, corpus);
  const renameMs = await renameCopy(work, corpus);
  log('index figures');
  const index = await indexFigures(corpus, queries, join(work, 'index-appdata'));

  const figures = {
    size,
    sessions,
    corpusMB: Math.round(corpus.bytes / 1e6),
    giantZeroclawMB: Math.round(corpus.giant.zeroclaw.bytes / 1e6),
    giantZeroclawTurns: giant.turns,
    giantYoiMB: Math.round(corpus.giant.yoi.bytes / 1e6),
    giantYoiTurns: giantYoi.turns,
    corpusMs,
    rawReadParseMBps: mbps(corpus.bytes, rawMs),
    ...index,
    rgP50Ms: ms(percentile(rg, 50)),
    rgP95Ms: ms(percentile(rg, 95)),
    libraryListColdMs: listColdMs,
    libraryListWarmMs: listWarmMs,
    openGiantFirstPageMs: { cold: giant.cold, warm: giant.warm },
    openGiantYoiFirstPageMs: { cold: giantYoi.cold, warm: giantYoi.warm },
    relaunchGiantFirstPageMs: relaunchZeroclaw,
    relaunchGiantYoiFirstPageMs: relaunchYoi,
    verifyYoiMBps,
    renameMs,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (values.json) console.log(JSON.stringify(figures));
  else {
    const {
      openGiantFirstPageMs,
      openGiantYoiFirstPageMs,
      relaunchGiantFirstPageMs,
      relaunchGiantYoiFirstPageMs,
      ...flat
    } = figures;
    console.table({
      ...flat,
      openGiantFirstPageColdMs: openGiantFirstPageMs.cold,
      openGiantFirstPageWarmMs: openGiantFirstPageMs.warm,
      openGiantYoiFirstPageColdMs: openGiantYoiFirstPageMs.cold,
      openGiantYoiFirstPageWarmMs: openGiantYoiFirstPageMs.warm,
      relaunchGiantFirstPageFirstMs: relaunchGiantFirstPageMs.first,
      relaunchGiantFirstPageStoredMs: relaunchGiantFirstPageMs.stored,
      relaunchGiantYoiFirstPageFirstMs: relaunchGiantYoiFirstPageMs.first,
      relaunchGiantYoiFirstPageStoredMs: relaunchGiantYoiFirstPageMs.stored,
    });
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
