/**
 * The benchmark corpus: sessions of every format the app reads, in three sibling folders laid out
 * as each agent lays them out (`orcs/`, `zeroclaw/workspace/sessions/`, `yoi/sessions/`), plus
 * one giant ZeroClaw session and one giant yoi log. It is deterministic (one seed, the same bytes
 * every run) and cached in the temp folder by version and size, because the large corpus takes
 * minutes to write; bump CORPUS_VERSION whenever the generator changes its output.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormatId } from '../src/shared/model';
import { rootId } from '../src/core/roots';
import { writeOrcsSession } from './corpus-orcs';
import { writeYoiSession, yoiId } from './corpus-yoi';
import { writeZeroclawSession, zeroclawKey } from './corpus-zeroclaw';
import { Random } from './random';
import { TextPool } from './text';

export const CORPUS_VERSION = 1;

export const sizes = {
  small: { sessions: 300, sessionBytes: 30e6, giantBytes: 50e6 },
  large: { sessions: 10_000, sessionBytes: 2e9, giantBytes: 1e9 },
} as const;
export type Size = keyof typeof sizes;

export interface CorpusRoot {
  id: string;
  path: string;
  format: FormatId;
}

export interface Corpus {
  dir: string;
  roots: CorpusRoot[];
  /** Every session file's bytes, the giants included. */
  bytes: number;
  files: number;
  giant: { zeroclaw: GiantSession; yoi: GiantSession };
  /** A mid-sized ZeroClaw session to append to; whoever appends truncates it back afterwards. */
  appendTarget: { path: string; id: string };
}

export interface GiantSession {
  rootId: string;
  id: string;
  path: string;
  bytes: number;
}

const SEED = 20_260_101;
const START_MS = Date.UTC(2026, 0, 1);
const MANIFEST = 'manifest.json';

/**
 * The cached corpus for `size`, generated first when there is none or when its files no longer
 * add up to what the manifest says (a bench run that appended and failed to truncate, say).
 */
export async function corpusFor(size: Size, log: (line: string) => void): Promise<Corpus> {
  const dir = join(tmpdir(), `sessionscope-bench-corpus-v${CORPUS_VERSION}-${size}`);
  const cached = await readManifest(dir);
  if (cached && (await totalBytes(cached)) === cached.bytes) {
    log(`reusing the corpus in ${dir}`);
    return cached;
  }
  log(`generating the ${size} corpus in ${dir} (cached for later runs)`);
  await rm(dir, { recursive: true, force: true });
  // Written beside its final place and renamed, so an interrupted run never leaves a half corpus.
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const corpus = describe(dir, await generate(layout(partial), size));
  await writeFile(join(partial, MANIFEST), JSON.stringify(corpus, null, 2));
  await rename(partial, dir);
  return corpus;
}

async function readManifest(dir: string): Promise<Corpus | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Corpus;
  } catch {
    return null;
  }
}

async function totalBytes(corpus: Corpus): Promise<number> {
  let bytes = 0;
  for (const root of corpus.roots) {
    for (const name of await readdir(root.path)) bytes += (await stat(join(root.path, name))).size;
  }
  return bytes;
}

/** Where each agent keeps its sessions, relative to its own home: what format detection expects. */
function layout(dir: string): Record<FormatId, string> {
  return {
    orcs: join(dir, 'orcs'),
    zeroclaw: join(dir, 'zeroclaw', 'workspace', 'sessions'),
    yoi: join(dir, 'yoi', 'sessions'),
  };
}

interface Written {
  bytes: number;
  files: number;
  giantBytes: { zeroclaw: number; yoi: number };
  giantYoiId: string;
  appendTargetId: string;
}

const GIANT_ZEROCLAW_ID = 'giant_session';

async function generate(paths: Record<FormatId, string>, size: Size): Promise<Written> {
  const { sessions, sessionBytes, giantBytes } = sizes[size];
  for (const path of Object.values(paths)) await mkdir(path, { recursive: true });
  const pool = new TextPool(SEED);
  const random = new Random(SEED);
  const meanBytes = sessionBytes / sessions;
  let bytes = 0;
  let appendTargetId = '';
  for (let s = 0; s < sessions; s++) {
    // Most sessions are small and a few are many times the mean, as real histories are.
    const target = Math.min(40 * meanBytes, Math.max(2000, meanBytes * random.exponential()));
    const startMs = START_MS + s * 7 * 60_000;
    switch (s % 3) {
      case 0:
        bytes += (await writeOrcsSession(paths.orcs, random, pool, startMs, target)).bytes;
        break;
      case 1: {
        const key = zeroclawKey(random, s);
        const written = await writeZeroclawSession(paths.zeroclaw, key, random, pool, target);
        bytes += written.bytes;
        if (!appendTargetId && written.bytes > meanBytes / 2) appendTargetId = key;
        break;
      }
      default:
        bytes += (await writeYoiSession(paths.yoi, yoiId(random, startMs), startMs, random, pool, target))
          .bytes;
    }
  }
  const giantStart = START_MS + sessions * 7 * 60_000;
  const zeroclaw = await writeZeroclawSession(paths.zeroclaw, GIANT_ZEROCLAW_ID, random, pool, giantBytes);
  const giantYoiId = yoiId(random, giantStart);
  const yoi = await writeYoiSession(paths.yoi, giantYoiId, giantStart, random, pool, giantBytes);
  return {
    bytes: bytes + zeroclaw.bytes + yoi.bytes,
    files: sessions + 2,
    giantBytes: { zeroclaw: zeroclaw.bytes, yoi: yoi.bytes },
    giantYoiId,
    appendTargetId,
  };
}

/** The corpus as the benchmark sees it once it sits in `dir`: root ids are the Library's. */
function describe(dir: string, written: Written): Corpus {
  const paths = layout(dir);
  const giant = (format: FormatId, id: string, bytes: number): GiantSession => ({
    rootId: rootId(paths[format]),
    id,
    path: join(paths[format], `${id}.jsonl`),
    bytes,
  });
  return {
    dir,
    roots: (Object.entries(paths) as [FormatId, string][]).map(([format, path]) => ({
      id: rootId(path),
      path,
      format,
    })),
    bytes: written.bytes,
    files: written.files,
    giant: {
      zeroclaw: giant('zeroclaw', GIANT_ZEROCLAW_ID, written.giantBytes.zeroclaw),
      yoi: giant('yoi', written.giantYoiId, written.giantBytes.yoi),
    },
    appendTarget: {
      id: written.appendTargetId,
      path: join(paths.zeroclaw, `${written.appendTargetId}.jsonl`),
    },
  };
}
