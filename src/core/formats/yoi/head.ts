/**
 * The two ends of a log, read without scanning it: `read_head_hash` (the hash of the last
 * non-blank line, read backwards from the end) and the first line's `session_start`. Like the
 * crate, a last line that is not an entry is an error: the caller cannot know where its chain stands.
 */
import { open } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { fromFsError } from '../../fs-errors';
import { readRange } from '../../jsonl';
import { parseHashedLine } from './entries';
import type { SessionOrigin } from './entries';
import { isBlank } from './log';

const STEP = 64 * 1024;

export async function readHeadHash(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fromFsError(error, `session log ${path}`);
  }
  try {
    let position = (await handle.stat()).size;
    // Only the first piece of `held` can be a partial line; the others are whole and blank.
    let held = Buffer.alloc(0);
    // Doubling the step keeps a very long last line from being re-copied once per 64 KB.
    for (let step = STEP; ; step *= 2) {
      const lines = splitLines(held);
      const whole = position === 0 ? lines : lines.slice(1);
      const last = whole.reverse().find((line) => !isBlank(line));
      if (last) {
        const parsed = parseHashedLine(last.toString('utf8'));
        if (!parsed.ok)
          throw new AppError('corrupt', `the last line of ${path} is not an entry: ${parsed.reason}`);
        return parsed.value.hash;
      }
      if (position === 0) return null;
      const from = Math.max(0, position - step);
      held = Buffer.concat([await readRange(handle, from, position - from), lines[0] ?? Buffer.alloc(0)]);
      position = from;
    }
  } finally {
    await handle.close();
  }
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let from = 0;
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, from)) {
    lines.push(bytes.subarray(from, nl));
    from = nl + 1;
  }
  lines.push(bytes.subarray(from));
  return lines;
}

export interface StartFacts {
  ts: number;
  forkedFrom: SessionOrigin | null;
  compactedFrom: SessionOrigin | null;
}

/** The log's first line read as a `session_start`, or null when it is not one. */
export async function readStart(path: string): Promise<StartFacts | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = (await handle.stat()).size;
    const pieces: Buffer[] = [];
    for (let position = 0; position < size; position += STEP) {
      const chunk = await readRange(handle, position, Math.min(STEP, size - position));
      const nl = chunk.indexOf(0x0a);
      pieces.push(nl === -1 ? chunk : chunk.subarray(0, nl));
      if (nl !== -1) break;
    }
    const parsed = parseHashedLine(Buffer.concat(pieces).toString('utf8'));
    if (!parsed.ok || parsed.value.entry.kind !== 'session_start') return null;
    const { ts, forked_from, compacted_from } = parsed.value.entry;
    return { ts, forkedFrom: forked_from ?? null, compactedFrom: compacted_from ?? null };
  } finally {
    await handle.close();
  }
}
