/**
 * Where each turn of a log lies, so a page of turns can be rebuilt from a byte range instead of
 * the whole log being held as Turn objects: per turn, the entry that makes it and the last entry
 * that adds to it (a tool result that came later), and which tool results went to calls. Typed
 * arrays only, 8 bytes a turn and 8 a result, because a 3 GB log has millions of them.
 * Entries are named by their record number in the log's LineIndex and by their line number.
 */

const INITIAL_CAPACITY = 256;

/** What replaying turns [from, to) needs: the lines to read and how to start the fold there. */
export interface TurnSpan {
  /** The first turn made on the page's first line: the replay's first turn index. */
  firstIndex: number;
  firstRecord: number;
  firstLine: number;
  /** The record of the last entry adding to any turn of the page. */
  lastRecord: number;
  /** The `ts` the first line's entry shows when it has none: the last one before it. */
  tsBefore: number | null;
  /** Whether the whole log gave item `ordinal` of the entry on `line` to a call. */
  taken: (line: number, ordinal: number) => boolean;
}

/** Everything a TurnIndex holds, as digest-bytes.ts stores it: each array exactly as long as its count. */
export interface TurnIndexParts {
  firstRecords: Uint32Array;
  lastRecords: Uint32Array;
  /** The `inherited` map's entries: [turn index, ts]. */
  inherited: [number, number | null][];
  takenLines: Uint32Array;
  takenOrdinals: Uint32Array;
}

function grown(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Uint32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** The first position in `array[0, length)` holding a value ≥ `value` (it is sorted). */
function lowerBound(array: Uint32Array, length: number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((array[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class TurnIndex {
  private turns = 0;
  private firstRecords = new Uint32Array(INITIAL_CAPACITY);
  private lastRecords = new Uint32Array(INITIAL_CAPACITY);
  /** The inherited `ts` of turns made by an entry without one (rare: only unknown kinds lack it). */
  private readonly inherited = new Map<number, number | null>();
  // Results given to a call, in log order (line, then item): a page skips those whose call it lacks.
  private taken = 0;
  private takenLines = new Uint32Array(INITIAL_CAPACITY);
  private takenOrdinals = new Uint32Array(INITIAL_CAPACITY);

  get count(): number {
    return this.turns;
  }

  /**
   * What `fromParts` makes this index again from. The arrays are views of this index's own, so
   * they are read before the next entry is folded in.
   */
  parts(): TurnIndexParts {
    return {
      firstRecords: this.firstRecords.subarray(0, this.turns),
      lastRecords: this.lastRecords.subarray(0, this.turns),
      inherited: [...this.inherited],
      takenLines: this.takenLines.subarray(0, this.taken),
      takenOrdinals: this.takenOrdinals.subarray(0, this.taken),
    };
  }

  /** The index `parts` describes, copied, with room to grow as the log is read on. */
  static fromParts(parts: TurnIndexParts): TurnIndex {
    const index = new TurnIndex();
    index.turns = parts.firstRecords.length;
    index.firstRecords = grown(index.firstRecords, index.turns);
    index.lastRecords = grown(index.lastRecords, index.turns);
    index.firstRecords.set(parts.firstRecords);
    index.lastRecords.set(parts.lastRecords);
    for (const [turn, ts] of parts.inherited) index.inherited.set(turn, ts);
    index.taken = parts.takenLines.length;
    index.takenLines = grown(index.takenLines, index.taken);
    index.takenOrdinals = grown(index.takenOrdinals, index.taken);
    index.takenLines.set(parts.takenLines);
    index.takenOrdinals.set(parts.takenOrdinals);
    return index;
  }

  /** A `session_start` replaces the history: the turns before it are gone, and so are their results. */
  reset(): void {
    this.turns = 0;
    this.taken = 0;
    this.inherited.clear();
  }

  /**
   * Turn `index` (the next one) is made by the entry `record`; `inherits` is the `ts` it shows
   * when the entry has none (undefined when it has one).
   */
  made(index: number, record: number, inherits?: number | null): void {
    const needed = index + 1;
    this.firstRecords = grown(this.firstRecords, needed);
    this.lastRecords = grown(this.lastRecords, needed);
    this.firstRecords[index] = record;
    this.lastRecords[index] = record;
    if (inherits !== undefined) this.inherited.set(index, inherits);
    this.turns = needed;
  }

  /** Item `ordinal` of the entry `record` on `line` gave its result to a call of turn `index`. */
  completed(index: number, record: number, line: number, ordinal: number): void {
    this.lastRecords[index] = record;
    this.takenLines = grown(this.takenLines, this.taken + 1);
    this.takenOrdinals = grown(this.takenOrdinals, this.taken + 1);
    this.takenLines[this.taken] = line;
    this.takenOrdinals[this.taken] = ordinal;
    this.taken += 1;
  }

  /**
   * The span of turns [from, to), 0 ≤ from < to ≤ count; `lineOf` gives a record's line number.
   * What it holds is copied, so it stays true while the page is read even if an append extends
   * this index meanwhile.
   */
  span(from: number, to: number, lineOf: (record: number) => number): TurnSpan {
    const firstRecord = this.firstRecords[from] ?? 0;
    let lastRecord = firstRecord;
    for (let i = from; i < to; i++) lastRecord = Math.max(lastRecord, this.lastRecords[i] ?? 0);
    const firstIndex = lowerBound(this.firstRecords, this.turns, firstRecord);
    const firstLine = lineOf(firstRecord);
    const low = lowerBound(this.takenLines, this.taken, firstLine);
    const high = lowerBound(this.takenLines, this.taken, lineOf(lastRecord) + 1);
    const taken = new Set<string>();
    for (let i = low; i < high; i++) taken.add(`${this.takenLines[i]}:${this.takenOrdinals[i]}`);
    return {
      firstIndex,
      firstRecord,
      firstLine,
      lastRecord,
      tsBefore: this.inherited.get(firstIndex) ?? null,
      taken: (line, ordinal) => taken.has(`${line}:${ordinal}`),
    };
  }
}
