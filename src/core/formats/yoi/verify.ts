/**
 * Chain verification (formats.md §3.5), streamed: each line's hash is recomputed from the
 * previous line's hash and the line's own bytes, and each `prev_hash` must name the line before.
 * Lines are not JSON-parsed: a line whose hash matches holds exactly the bytes its writer
 * hashed, and parsing would cost more than hashing. Blank lines are skipped, as the crate skips them.
 *
 * Results are kept per file state (dev, ino, size, mtime), so a list can show a verified or
 * broken chain without hashing again until the file changes.
 */
import type { FileHandle } from 'node:fs/promises';
import type { ChainReport, ChainStatus } from '../../../shared/model';
import { factsOf, sameFacts, scanLines } from '../../jsonl';
import type { FileFacts } from '../../jsonl';
import { readingAhead } from './ahead';
import { chainChecker } from './checker';
import { isBlank, openLog } from './log';

export interface VerifyOptions {
  chunkSize?: number;
}

export async function verifyLog(
  path: string,
  options: VerifyOptions = {},
): Promise<{ facts: FileFacts; report: ChainReport }> {
  const handle = await openLog(path);
  try {
    const facts = factsOf(await handle.stat());
    const checker = chainChecker();
    let lines = 0;
    let firstBadLine: number | null = null;
    let reason: string | null = null;
    await scanLines(
      // scanLines only reads, sequentially, in equal chunks: what readingAhead serves.
      readingAhead(handle, facts.size) as FileHandle,
      (raw) => {
        if (raw.bytes !== null && isBlank(raw.bytes)) return;
        lines += 1;
        if (firstBadLine !== null) return;
        const why =
          raw.bytes === null
            ? `unparseable line: ${raw.length} bytes, too long to read`
            : checker.next(raw.bytes, raw.terminated);
        if (why === null) return;
        firstBadLine = raw.number;
        reason = why;
      },
      { end: facts.size, chunkSize: options.chunkSize },
    );
    const ok = firstBadLine === null;
    const headHash = ok ? (checker.head()?.toString('hex') ?? null) : null;
    return { facts, report: { lines, headHash, ok, firstBadLine, reason } };
  } finally {
    await handle.close();
  }
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, { facts: FileFacts; report: ChainReport }>();

/** Verifies and remembers the result for this state of the file. */
export async function verifyCached(path: string): Promise<ChainReport> {
  const result = await verifyLog(path);
  cache.delete(path);
  cache.set(path, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return result.report;
}

/** What is known of the chain of the file in state `facts` without hashing it. */
export function cachedStatus(path: string, facts: FileFacts): ChainStatus {
  const known = cache.get(path);
  if (!known || !sameFacts(known.facts, facts)) return { status: 'unchecked' };
  return statusOf(known.report);
}

export function statusOf(report: ChainReport): ChainStatus {
  if (report.ok) return { status: 'verified', lines: report.lines };
  return { status: 'broken', line: report.firstBadLine ?? 0, reason: report.reason ?? '' };
}
