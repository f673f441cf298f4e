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
