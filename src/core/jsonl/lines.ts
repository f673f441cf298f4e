/**
 * Streams a JSONL file as byte chunks and hands over one line at a time with its byte offset,
 * never holding more than one chunk plus the line being assembled (performance.md §1: a session
 * of several GB cannot be one string, and a 600 MB one cannot even be a JS string).
 *
 * Lines are split on 0x0A only and given as bytes, so a UTF-8 character split across two chunks
 * is whole again before anyone decodes it. What a line means is the caller's business.
 */
import type { FileHandle } from 'node:fs/promises';

export interface RawLine {
  /** 1-based, as an editor counts. */
  number: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** Bytes from `offset` up to, not including, the "\n" (a "\r" before it is counted). */
  length: number;
  /** False only for a last line with no "\n": a torn write, or one still being written. */
  terminated: boolean;
  /**
   * The line without its "\n" and without one "\r" before it (Rust's `lines()` strips the same);
   * null when the line is longer than `maxLineBytes`, which is then skipped over unread. The
   * buffer may be a view of the read chunk: it is only valid during the callback.
   */
  bytes: Buffer | null;
}

export interface ScanOptions {
  /** Byte offset to start at; it must be the start of a line. */
  start?: number;
  /** Byte offset to stop at (exclusive); bytes after it are not read even if the file grew. */
  end: number;
  /** The number of the line at `start`. */
  firstLine?: number;
  chunkSize?: number;
  maxLineBytes?: number;
}

export interface ScanResult {
  /** Offset just past the last "\n" seen: where a later scan of appended bytes resumes. */
  completeEnd: number;
  /** Lines handed over, the unterminated last one included. */
  lines: number;
}

export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/** Longer lines are reported without their bytes: a 256 MiB line already makes a 256M-char string. */
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

export async function scanLines(
  handle: FileHandle,
  onLine: (line: RawLine) => void,
  options: ScanOptions,
): Promise<ScanResult> {
  const start = options.start ?? 0;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(chunkSize, options.end - start)));
  let position = start;
  let lineStart = start;
  let number = options.firstLine ?? 1;
  // A line that spans chunks is copied out piece by piece, because the chunk buffer is reused.
  let pieces: Buffer[] = [];
  let held = 0;
  let oversized = false;

  const emit = (tail: Buffer, terminated: boolean): void => {
    const length = held + tail.length;
    let bytes: Buffer | null = null;
    if (!oversized && length <= maxLineBytes) {
      bytes = pieces.length === 0 ? tail : Buffer.concat([...pieces, tail], length);
      if (terminated && bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, -1);
    }
    onLine({ number, offset: lineStart, length, terminated, bytes });
    number += 1;
    lineStart += length + (terminated ? 1 : 0);
    pieces = [];
    held = 0;
    oversized = false;
  };

  while (position < options.end) {
    const want = Math.min(buffer.length, options.end - position);
    const { bytesRead } = await handle.read(buffer, 0, want, position);
    if (bytesRead === 0) break; // the file shrank under us; the caller's facts are stale
    const chunk = buffer.subarray(0, bytesRead);
    position += bytesRead;
    let from = 0;
    for (let nl = chunk.indexOf(LF, from); nl !== -1; nl = chunk.indexOf(LF, from)) {
      emit(chunk.subarray(from, nl), true);
      from = nl + 1;
    }
    const rest = chunk.length - from;
    if (rest === 0) continue;
    if (!oversized && held + rest > maxLineBytes) {
      oversized = true;
      pieces = [];
    }
    if (!oversized) pieces.push(Buffer.from(chunk.subarray(from)));
    held += rest;
  }
  const completeEnd = lineStart;
  if (held > 0) emit(Buffer.alloc(0), false);
  return { completeEnd, lines: number - (options.firstLine ?? 1) };
}

/** Exactly `length` bytes at `offset`, or fewer if the file ends first. */
export async function readRange(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(out, filled, length - filled, offset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? out : out.subarray(0, filled);
}
