/**
 * A byte-offset index of one JSONL file: where each record line starts and how long it is (in
 * typed arrays, 12 bytes a record), plus every line a format skips (blank or unreadable) with
 * its line number. Paging a session then reads only the byte ranges of the lines on the page.
 *
 * The index belongs to one state of the file, named by (dev, ino, size, mtimeMs). When the same
 * inode has grown and the bytes around the last complete line are unchanged, the index is
 * extended from that line instead of rescanning (security.md §3.2, reader rule 3): appends are
 * how JSONL files change, and a GB session must not be rescanned for each new message. Because an
 * extension happens in place, whoever holds an index reads what it needs before its next await.
 */
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { BlobReader, CRC_BYTES } from './blob';
import { readRange, scanLines } from './lines';
import type { RawLine } from './lines';

export interface FileFacts {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** What a format makes of one line: a record it reads, a blank it skips, or why it cannot read it. */
export type Verdict = 'record' | 'blank' | { unreadable: string };

export type Classify = (line: RawLine) => Verdict;

export interface SkippedLine {
  number: number;
  offset: number;
  /** Bytes of the line without its "\n". */
  length: number;
  terminated: boolean;
  /** Why the line is unreadable; null for a blank line. */
  reason: string | null;
}

export function sameFacts(a: FileFacts, b: FileFacts): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

export function factsOf(stats: { dev: number; ino: number; size: number; mtimeMs: number }): FileFacts {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

/** Bytes compared on each side of the resume point before an index is extended rather than rebuilt. */
const FINGERPRINT_BYTES = 64;
const INITIAL_CAPACITY = 256;

/*
 * The serialized layout, little-endian throughout:
 *   "SLIX", version byte, 3 zero bytes;
 *   HEADER_FIELDS float64s (every count and offset, exact below 2^53);
 *   each record's offset (float64), then each record's length (uint32);
 *   each skipped line: number, offset, length (float64), terminated (byte), reason byte count
 *   (uint32, NO_REASON for a blank line) and the reason in UTF-8;
 *   the head and beforeEnd fingerprints;
 *   a CRC-32 of everything before it, so a damaged blob is refused rather than trusted.
 */
const MAGIC = Buffer.from('SLIX', 'latin1');
const FORMAT_VERSION = 1;
const HEADER_FIELDS = 15;
const HEADER_BYTES = 8 + HEADER_FIELDS * 8;
const SKIPPED_FIXED_BYTES = 8 * 3 + 1 + 4;
const NO_REASON = 0xffffffff;

export class LineIndex {
  facts: FileFacts;
  /** Every line, the unterminated last one included. */
  lineCount = 0;
  /** Offset just past the last "\n": bytes after it may still be being written. */
  completeEnd = 0;
  readonly skipped: SkippedLine[] = [];
  private offsets = new Float64Array(INITIAL_CAPACITY);
  private lengths = new Uint32Array(INITIAL_CAPACITY);
  private records = 0;
  private unreadable = 0;
  // Counts up to completeEnd, so an extension can drop what it learned about the unterminated tail.
  private completeLines = 0;
  private completeRecords = 0;
  private completeSkipped = 0;
  private completeUnreadable = 0;
  private head: Buffer = Buffer.alloc(0);
  private beforeEnd: Buffer = Buffer.alloc(0);

  private constructor(facts: FileFacts) {
    this.facts = facts;
  }

  get recordCount(): number {
    return this.records;
  }

  get unreadableCount(): number {
    return this.unreadable;
  }

  /** True when the file ends with "\n" (or is empty): nothing is half-written at its end. */
  get endsComplete(): boolean {
    return this.completeEnd === this.facts.size;
  }

  /** Bytes held by the index's arrays; the cache budgets on this. */
  get footprint(): number {
    return this.offsets.byteLength + this.lengths.byteLength;
  }

  recordOffset(index: number): number {
    return this.offsets[this.checked(index)] ?? 0;
  }

  recordLength(index: number): number {
    return this.lengths[this.checked(index)] ?? 0;
  }

  /** Whether record `index` ends with "\n": every one does but possibly the file's last line. */
  recordTerminated(index: number): boolean {
    return this.recordOffset(index) + this.recordLength(index) < this.facts.size;
  }

  /** How many records start before `offset`: the position a line at `offset` has among them. */
  recordsBefore(offset: number): number {
    let low = 0;
    let high = this.records;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.offsets[mid] ?? 0) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Everything the index answers with and needs for a later update(), as bytes that
   * LineIndex.deserialize reads back. The bytes are a copy: appends after this do not touch them.
   */
  serialize(): Uint8Array {
    const reasons = this.skipped.map((line) => (line.reason === null ? null : Buffer.from(line.reason)));
    const skippedBytes = reasons.reduce(
      (sum, reason) => sum + SKIPPED_FIXED_BYTES + (reason?.length ?? 0),
      0,
    );
    const total =
      HEADER_BYTES + this.records * 12 + skippedBytes + this.head.length + this.beforeEnd.length + CRC_BYTES;
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    out.set(MAGIC, 0);
    view.setUint8(4, FORMAT_VERSION);
    const header = [
      this.facts.dev,
      this.facts.ino,
      this.facts.size,
      this.facts.mtimeMs,
      this.lineCount,
      this.completeEnd,
      this.records,
      this.unreadable,
      this.completeLines,
      this.completeRecords,
      this.completeSkipped,
      this.completeUnreadable,
      this.skipped.length,
      this.head.length,
      this.beforeEnd.length,
    ];
    let at = 8;
    for (const value of header) {
      view.setFloat64(at, value, true);
      at += 8;
    }
    for (let i = 0; i < this.records; i++, at += 8) view.setFloat64(at, this.offsets[i] ?? 0, true);
    for (let i = 0; i < this.records; i++, at += 4) view.setUint32(at, this.lengths[i] ?? 0, true);
    this.skipped.forEach((line, i) => {
      const reason = reasons[i] ?? null;
      view.setFloat64(at, line.number, true);
      view.setFloat64(at + 8, line.offset, true);
      view.setFloat64(at + 16, line.length, true);
      view.setUint8(at + 24, line.terminated ? 1 : 0);
      view.setUint32(at + 25, reason === null ? NO_REASON : reason.length, true);
      at += SKIPPED_FIXED_BYTES;
      if (reason) {
        out.set(reason, at);
        at += reason.length;
      }
    });
    out.set(this.head, at);
    at += this.head.length;
    out.set(this.beforeEnd, at);
    at += this.beforeEnd.length;
    view.setUint32(at, crc32(out.subarray(0, at)), true);
    return out;
  }

  /**
   * The index `serialize` wrote, for the file state it was made for (its `facts`). Throws an
   * Error saying what is wrong when the bytes are truncated, damaged, of another version, or
   * describe no index `build` could have made: a caller then has no stored index, never a wrong one.
   */
  static deserialize(bytes: Uint8Array): LineIndex {
    const reader = new IndexReader(bytes);
    // In serialize's header order.
    const dev = reader.finite('device');
    const ino = reader.finite('inode');
    const size = reader.count();
    const index = new LineIndex({ dev, ino, size, mtimeMs: reader.finite('modification time') });
    index.lineCount = reader.count();
    index.completeEnd = reader.count();
    index.records = reader.count();
    index.unreadable = reader.count();
    index.completeLines = reader.count();
    index.completeRecords = reader.count();
    index.completeSkipped = reader.count();
    index.completeUnreadable = reader.count();
    const skipped = reader.count();
    const headLength = reader.count();
    const beforeEndLength = reader.count();
    // Shorter than FINGERPRINT_BYTES only when the file is, or shrank while it was scanned.
    const longest = Math.min(FINGERPRINT_BYTES, index.completeEnd);
    if (
      index.completeEnd > size ||
      index.records + skipped !== index.lineCount ||
      index.completeRecords > index.records ||
      index.completeSkipped > skipped ||
      index.completeUnreadable > index.unreadable ||
      index.completeRecords + index.completeSkipped !== index.completeLines ||
      headLength > longest ||
      beforeEndLength > longest
    ) {
      reader.fail('its counts contradict each other');
    }
    reader.need(index.records * 12);
    const capacity = Math.max(INITIAL_CAPACITY, index.records);
    index.offsets = new Float64Array(capacity);
    index.lengths = new Uint32Array(capacity);
    for (let i = 0; i < index.records; i++) index.offsets[i] = reader.count();
    for (let i = 0; i < index.records; i++) index.lengths[i] = reader.uint32();
    let end = 0;
    for (let i = 0; i < index.records; i++) {
      const offset = index.offsets[i] ?? 0;
      if (offset < end) reader.fail(`record ${i} is out of order`);
      end = offset + (index.lengths[i] ?? 0);
      if (end > size) reader.fail(`record ${i} ends past the end of the file`);
    }
    for (let i = 0; i < skipped; i++) {
      const line = reader.skippedLine();
      if (line.number < 1 || line.number > index.lineCount || line.offset + line.length > size)
        reader.fail(`skipped line ${i} is out of range`);
      index.skipped.push(line);
    }
    if (index.skipped.filter((line) => line.reason !== null).length !== index.unreadable)
      reader.fail('its unreadable count is wrong');
    index.head = reader.copy(headLength);
    index.beforeEnd = reader.copy(beforeEndLength);
    reader.finish();
    return index;
  }

  /** Scans `handle` (whose state is `facts`) from scratch. */
  static async build(handle: FileHandle, facts: FileFacts, classify: Classify): Promise<LineIndex> {
    const index = new LineIndex(facts);
    await index.scanFrom(handle, 0, classify);
    return index;
  }

  /**
   * The index of the file's new state: extended in place from the last complete line when the
   * file only grew (or lost an unterminated tail), rebuilt otherwise.
   */
  async update(handle: FileHandle, facts: FileFacts, classify: Classify): Promise<LineIndex> {
    if (sameFacts(this.facts, facts)) return this;
    if (await this.grewFrom(handle, facts)) {
      this.facts = facts;
      this.records = this.completeRecords;
      this.skipped.length = this.completeSkipped;
      this.unreadable = this.completeUnreadable;
      this.lineCount = this.completeLines;
      await this.scanFrom(handle, this.completeEnd, classify);
      return this;
    }
    return LineIndex.build(handle, facts, classify);
  }

  private async grewFrom(handle: FileHandle, facts: FileFacts): Promise<boolean> {
    if (facts.dev !== this.facts.dev || facts.ino !== this.facts.ino || facts.size < this.completeEnd)
      return false;
    const [head, beforeEnd] = await Promise.all([
      readRange(handle, 0, this.head.length),
      readRange(handle, this.completeEnd - this.beforeEnd.length, this.beforeEnd.length),
    ]);
    return head.equals(this.head) && beforeEnd.equals(this.beforeEnd);
  }

  private async scanFrom(handle: FileHandle, start: number, classify: Classify): Promise<void> {
    const result = await scanLines(
      handle,
      (line) => {
        const verdict = classify(line);
        if (verdict === 'record') this.push(line.offset, line.length);
        else {
          const reason = verdict === 'blank' ? null : verdict.unreadable;
          if (reason !== null) this.unreadable += 1;
          const { number, offset, length, terminated } = line;
          this.skipped.push({ number, offset, length, terminated, reason });
        }
        if (line.terminated) {
          this.completeLines = line.number;
          this.completeRecords = this.records;
          this.completeSkipped = this.skipped.length;
          this.completeUnreadable = this.unreadable;
        }
      },
      { start, end: this.facts.size, firstLine: this.lineCount + 1 },
    );
    this.lineCount += result.lines;
    this.completeEnd = result.completeEnd;
    const fingerprint = Math.min(FINGERPRINT_BYTES, this.completeEnd);
    [this.head, this.beforeEnd] = await Promise.all([
      readRange(handle, 0, fingerprint),
      readRange(handle, this.completeEnd - fingerprint, fingerprint),
    ]);
  }

  private push(offset: number, length: number): void {
    if (this.records === this.offsets.length) {
      const offsets = new Float64Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const lengths = new Uint32Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.offsets[this.records] = offset;
    this.lengths[this.records] = length;
    this.records += 1;
  }

  private checked(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.records) {
      throw new RangeError(`record ${index} is outside 0..${this.records - 1}`);
    }
    return index;
  }
}

/** Reads a serialized index front to back (blob.ts checks every read). */
class IndexReader extends BlobReader {
  constructor(blob: Uint8Array) {
    super(blob, {
      magic: MAGIC,
      version: FORMAT_VERSION,
      what: 'line index',
      minBytes: HEADER_BYTES + CRC_BYTES,
    });
  }

  finite(name: string): number {
    const value = this.float64();
    if (!Number.isFinite(value)) this.fail(`its file ${name} is ${value}`);
    return value;
  }

  /** A whole number stored as a float64: a count, an offset or a length. */
  count(): number {
    const value = this.float64();
    if (!Number.isSafeInteger(value) || value < 0) this.fail(`a count is ${value}, not a whole number`);
    return value;
  }

  skippedLine(): SkippedLine {
    const number = this.count();
    const offset = this.count();
    const length = this.count();
    const flag = this.uint8();
    if (flag > 1) this.fail(`a skipped line's terminated flag is ${flag}`);
    const reasonLength = this.uint32();
    const reason = reasonLength === NO_REASON ? null : this.copy(reasonLength).toString('utf8');
    return { number, offset, length, terminated: flag === 1, reason };
  }

  /** A copy, so the index keeps nothing of the blob alive. */
  copy(count: number): Buffer {
    return Buffer.from(this.bytes(count));
  }
}
