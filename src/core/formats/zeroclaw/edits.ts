/**
 * The edits Sessionscope makes to a ZeroClaw session file, as rewrite plans over the file's bytes.
 * Unlike ZeroClaw's own `remove_last` and `compact`, which reload the messages and serialise them
 * again, every byte we do not mean to remove is copied as it was: unknown fields, CRLF endings and
 * unreadable lines (until compacted) all survive, and each edit can be reversed exactly.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { readRange } from '../../jsonl';
import type { LineIndex, Piece, RewritePlan, RewriteSnapshot, SkippedLine } from '../../jsonl';
import { decode } from './undo';
import type { ZeroclawStep } from './undo';

export interface RemovedLine {
  offset: number;
  /** The line's bytes without its "\n". */
  line: Buffer;
  terminated: boolean;
}

export interface DroppedLine {
  skipped: SkippedLine;
  line: Buffer;
  /** Where the line goes back in the compacted content. */
  at: number;
}

/** Dropping more than this would make an undo record too large to keep, so compact refuses. */
export const MAX_DROPPED_BYTES = 32 * 1024 * 1024;
const HASH_CHUNK = 1024 * 1024;

/** The last record goes, and nothing else: what ZeroClaw's load + pop + rewrite removes. */
export async function planRemoveLast(
  { handle, facts }: RewriteSnapshot,
  index: LineIndex,
): Promise<{ plan: RewritePlan; removed: RemovedLine } | null> {
  const last = index.recordCount - 1;
  if (last < 0) return null;
  const offset = index.recordOffset(last);
  const length = index.recordLength(last);
  const terminated = index.recordTerminated(last);
  const line = await readRange(handle, offset, length);
  const end = offset + length + (terminated ? 1 : 0);
  return {
    plan: {
      pieces: [
        { from: 0, to: offset },
        { from: end, to: facts.size },
      ],
      hashUpTo: offset,
    },
    removed: { offset, line, terminated },
  };
}

/**
 * Lines compact drops: every blank or unreadable line that ends with "\n". An unterminated last
 * line is kept even when unreadable: it may be a record another process is still writing.
 */
export function droppable(index: LineIndex): SkippedLine[] {
  return index.skipped.filter((line) => line.terminated);
}

export async function planCompact(
  { handle, facts }: RewriteSnapshot,
  index: LineIndex,
): Promise<{ plan: RewritePlan; dropped: DroppedLine[] } | null> {
  const lines = droppable(index);
  if (lines.length === 0) return null;
  const total = lines.reduce((sum, line) => sum + line.length + 1, 0);
  if (total > MAX_DROPPED_BYTES) {
    throw new AppError(
      'unsupported',
      `compacting would drop ${(total / 1024 / 1024).toFixed(1)} MB of unreadable lines, more than an undo record can hold`,
    );
  }
  const pieces: Piece[] = [];
  const dropped: DroppedLine[] = [];
  let cursor = 0;
  let kept = 0;
  for (const skipped of lines) {
    pieces.push({ from: cursor, to: skipped.offset });
    kept += skipped.offset - cursor;
    dropped.push({ skipped, line: await readRange(handle, skipped.offset, skipped.length), at: kept });
    cursor = skipped.offset + skipped.length + 1;
  }
  pieces.push({ from: cursor, to: facts.size });
  kept += facts.size - cursor;
  return { plan: { pieces, hashUpTo: kept }, dropped };
}

/** The plan that reverses `step`, or a conflict when the file no longer allows it safely. */
export async function planRevert(
  { handle, facts }: RewriteSnapshot,
  step: ZeroclawStep,
): Promise<RewritePlan> {
  switch (step.op) {
    case 'append': {
      const written = decode(step.written);
      const end = step.offset + written.length;
      const still =
        facts.size === end && (await readRange(handle, step.offset, written.length)).equals(written);
      if (!still) throw conflict('the appended message is no longer the last line of the session');
      return { pieces: [{ from: 0, to: step.offset }] };
    }
    case 'removeLast': {
      if (facts.size < step.offset || (await prefixSha256(handle, step.offset)) !== step.prefixSha256) {
        throw conflict('the session changed before the place the message was removed from');
      }
      const line = decode(step.line);
      // A line that had no "\n" gets one when something now follows it, or the two would merge.
      const newline = step.terminated || facts.size > step.offset;
      const bytes = newline ? Buffer.concat([line, Buffer.from('\n')]) : line;
      return { pieces: [{ from: 0, to: step.offset }, { bytes }, { from: step.offset, to: facts.size }] };
    }
    case 'compact': {
      if (facts.size < step.length || (await prefixSha256(handle, step.length)) !== step.prefixSha256) {
        throw conflict('the session changed since it was compacted');
      }
      const pieces: Piece[] = [];
      let cursor = 0;
      for (const { at, line } of step.dropped) {
        if (at < cursor || at > step.length)
          throw new AppError('invalid_input', 'this undo record is damaged');
        pieces.push({ from: cursor, to: at }, { bytes: Buffer.concat([decode(line), Buffer.from('\n')]) });
        cursor = at;
      }
      pieces.push({ from: cursor, to: facts.size });
      return { pieces };
    }
  }
}

async function prefixSha256(handle: FileHandle, length: number): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < length; at += HASH_CHUNK) {
    hash.update(await readRange(handle, at, Math.min(HASH_CHUNK, length - at)));
  }
  return hash.digest('hex');
}

function conflict(why: string): AppError {
  return new AppError('conflict', `cannot undo: ${why}; nothing was changed`);
}
