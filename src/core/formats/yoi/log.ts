/**
 * Streams a session log line by line (src/core/jsonl), never holding more than a chunk and the
 * current line: each readable line becomes a `HashedEntry`, each other non-blank line is
 * reported with its number and byte offset. Unlike the crate's `read_all`, one bad line does not
 * make the rest unreadable.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { factsOf, scanLines } from '../../jsonl';
import type { FileFacts } from '../../jsonl';
import { fromFsError } from '../../fs-errors';
import { parseHashedLine } from './entries';
import type { HashedEntry } from './entries';

export interface LogLine {
  /** 1-based. */
  number: number;
  offset: number;
  entry: HashedEntry;
}

export interface BadLine {
  number: number;
  offset: number;
  length: number;
  terminated: boolean;
  reason: string;
}

export interface LogScan {
  facts: FileFacts;
  /** Every line of the file, blank ones included. */
  lines: number;
  entries: number;
  unreadable: BadLine[];
}

/** Rust's `str::trim` on ASCII whitespace: the crate skips such lines. */
export function isBlank(bytes: Buffer): boolean {
  for (const b of bytes)
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false;
  return true;
}

/**
 * Calls `onEntry` for each readable line in order. `false` from it stops parsing; the scanner
 * still reads the rest of the file past it (src/core/jsonl's scanLines has no early exit).
 */
/** Opens a session log for reading; a missing or unreadable one is an error in words. */
export async function openLog(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw fromFsError(error, `session log ${path}`);
  }
}

export async function scanLog(path: string, onEntry: (line: LogLine) => unknown): Promise<LogScan> {
  const handle = await openLog(path);
  try {
    const facts = factsOf(await handle.stat());
    const unreadable: BadLine[] = [];
    let entries = 0;
    let stopped = false;
    const result = await scanLines(
      handle,
      (raw) => {
        if (stopped) return;
        const { number, offset, length, terminated } = raw;
        if (raw.bytes === null) {
          unreadable.push({
            number,
            offset,
            length,
            terminated,
            reason: `a line of ${length} bytes, too long to read`,
          });
          return;
        }
        if (isBlank(raw.bytes)) return;
        const parsed = parseHashedLine(raw.bytes.toString('utf8'));
        if (!parsed.ok) {
          const reason = terminated ? parsed.reason : `torn last line (no newline): ${parsed.reason}`;
          unreadable.push({ number, offset, length, terminated, reason });
          return;
        }
        entries += 1;
        if (onEntry({ number, offset, entry: parsed.value }) === false) stopped = true;
      },
      { end: facts.size },
    );
    return { facts, lines: result.lines, entries, unreadable };
  } finally {
    await handle.close();
  }
}
