/**
 * A Digest as bytes, so a later launch reads a large log's digest from the index database instead
 * of folding the whole log again (digest-store.ts). It holds everything the digest answers with
 * and everything it reads on from, the timeline's pending tool calls included, so a log that grew
 * after it was stored is read on from where the stored digest stopped, not from the start.
 *
 * The layout, little-endian throughout:
 *   "SYDG", version byte, 3 zero bytes;
 *   the LineIndex's own serialization (line-index.ts), after its byte count (uint32);
 *   the turn count and the taken-result count (uint32 each), then the TurnIndex's arrays as
 *   uint32s: first records, last records, taken lines, taken ordinals;
 *   the rest of the digest as JSON (every value in it is JSON read from the log, or a number),
 *   after its byte count (uint32);
 *   a CRC-32 of everything before it, so a damaged blob is refused rather than trusted.
 */
import { crc32 } from 'node:zlib';
import type { YoiCapped, YoiOrigin } from '../../../shared/panels/yoi';
import { LineIndex } from '../../jsonl';
import { BlobReader, CRC_BYTES, PREAMBLE_BYTES } from '../../jsonl/blob';
import { Digest, PANEL_LIST_CAP } from './digest';
import type { DigestParts, StateFacts, Timed } from './digest';
import type { FoldState } from './timeline';

const MAGIC = Buffer.from('SYDG', 'latin1');
const FORMAT_VERSION = 1;

/**
 * JSON has no -0, and a log may hold one (JSON.parse reads -0.0 so): a -0 is written as the
 * string NEGATIVE_ZERO, and a string starting with ESCAPE gets one more in front, so every string
 * of the log is read back as itself.
 */
const ESCAPE = '\u0000';
const NEGATIVE_ZERO = `${ESCAPE}-0`;
const escaped = (_key: string, value: unknown): unknown => {
  if (Object.is(value, -0)) return NEGATIVE_ZERO;
  return typeof value === 'string' && value.startsWith(ESCAPE) ? ESCAPE + value : value;
};
const unescaped = (_key: string, value: unknown): unknown => {
  if (value === NEGATIVE_ZERO) return -0;
  return typeof value === 'string' && value.startsWith(ESCAPE) ? value.slice(1) : value;
};

/** What the JSON part holds: the parts that are neither the LineIndex nor typed arrays. */
type Rest = Omit<DigestParts, 'index' | 'turns'> & { inherited: [number, number | null][] };

/** The bytes are a copy taken now: an append reads on into the digest in place afterwards. */
export function serializeDigest(digest: Digest): Uint8Array {
  const { index, turns, ...parts } = digest.snapshot();
  const lineIndex = index.serialize();
  const rest: Rest = { ...parts, inherited: turns.inherited };
  const json = Buffer.from(JSON.stringify(rest, escaped));
  const arrays = [turns.firstRecords, turns.lastRecords, turns.takenLines, turns.takenOrdinals];
  const total =
    PREAMBLE_BYTES +
    4 +
    lineIndex.length +
    8 +
    arrays.reduce((sum, a) => sum + a.length * 4, 0) +
    4 +
    json.length;
  const out = new Uint8Array(total + CRC_BYTES);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint8(4, FORMAT_VERSION);
  let at = PREAMBLE_BYTES;
  view.setUint32(at, lineIndex.length, true);
  out.set(lineIndex, at + 4);
  at += 4 + lineIndex.length;
  view.setUint32(at, turns.firstRecords.length, true);
  view.setUint32(at + 4, turns.takenLines.length, true);
  at += 8;
  for (const array of arrays) {
    for (const value of array) {
      view.setUint32(at, value, true);
      at += 4;
    }
  }
  view.setUint32(at, json.length, true);
  out.set(json, at + 4);
  view.setUint32(total, crc32(out.subarray(0, total)), true);
  return out;
}

/**
 * The digest `serializeDigest` wrote. Throws an Error saying what is wrong when the bytes are
 * truncated, damaged, of another version, or describe no digest a fold could have made: a caller
 * then has no stored digest, never a wrong one.
 */
export function deserializeDigest(bytes: Uint8Array): Digest {
  const reader: Reader = new Reader(bytes);
  const lineIndex = reader.bytes(reader.uint32());
  let index: LineIndex;
  try {
    index = LineIndex.deserialize(lineIndex);
  } catch (error) {
    reader.fail((error as Error).message);
  }
  const turnCount = reader.uint32();
  const takenCount = reader.uint32();
  const firstRecords = reader.uint32s(turnCount);
  const lastRecords = reader.uint32s(turnCount);
  const takenLines = reader.uint32s(takenCount);
  const takenOrdinals = reader.uint32s(takenCount);
  const rest = reader.json(reader.uint32());
  reader.finish();
  const records = index.recordCount;
  for (let i = 0; i < turnCount; i++) {
    const first = firstRecords[i] ?? 0;
    const last = lastRecords[i] ?? 0;
    if (first >= records || last >= records || last < first || (i > 0 && first < (firstRecords[i - 1] ?? 0)))
      reader.fail(`turn ${i} names records out of order or past the log's ${records}`);
  }
  for (let i = 0; i < takenCount; i++) {
    const line = takenLines[i] ?? 0;
    if (line < 1 || line > index.lineCount || (i > 0 && line < (takenLines[i - 1] ?? 0)))
      reader.fail(`taken result ${i} names a line out of order or past the log's ${index.lineCount}`);
  }
  const { inherited, ...parts } = checkedRest(rest, reader, { turns: turnCount, records });
  return Digest.restore({
    index,
    turns: { firstRecords, lastRecords, takenLines, takenOrdinals, inherited },
    ...parts,
  });
}

/** Reads a serialized digest front to back (jsonl/blob.ts checks every read). */
class Reader extends BlobReader {
  constructor(blob: Uint8Array) {
    super(blob, {
      magic: MAGIC,
      version: FORMAT_VERSION,
      what: 'yoi digest',
      minBytes: PREAMBLE_BYTES + CRC_BYTES,
    });
  }

  uint32s(count: number): Uint32Array {
    this.need(count * 4);
    const out = new Uint32Array(count);
    for (let i = 0; i < count; i++, this.at += 4) out[i] = this.view.getUint32(this.at, true);
    return out;
  }

  json(count: number): unknown {
    const text = Buffer.from(this.bytes(count)).toString('utf8');
    try {
      return JSON.parse(text, unescaped) as unknown;
    } catch {
      return this.fail('its JSON part does not parse');
    }
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNat = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isTs = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isTsOrNull = (value: unknown): value is number | null => value === null || isTs(value);
const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';
const isOrigin = (value: unknown): value is YoiOrigin | null =>
  value === null ||
  (isObject(value) && typeof value.sessionId === 'string' && typeof value.atHash === 'string');

function isState(value: unknown): value is StateFacts {
  if (!isObject(value) || !isObject(value.usageTotals) || !isObject(value.config)) return false;
  const totals = value.usageTotals;
  return (
    isStringOrNull(value.systemPrompt) &&
    typeof value.historyItems === 'number' &&
    typeof value.turnCount === 'number' &&
    typeof value.lastRunInterrupted === 'boolean' &&
    isStringOrNull(value.headHash) &&
    ['inputTotalTokens', 'cacheReadTokens', 'cacheWriteTokens', 'outputTokens'].every(
      (key) => typeof totals[key] === 'number',
    )
  );
}

/** A panel list: its items are the log's own values, so only what the digest reads of them is checked. */
function isList(value: unknown): value is YoiCapped<Timed<never>> {
  if (!isObject(value) || !isNat(value.total) || !Array.isArray(value.items)) return false;
  const items: unknown[] = value.items;
  return (
    items.length <= Math.min(PANEL_LIST_CAP, value.total) &&
    items.every(
      (timed) =>
        isObject(timed) &&
        isTs(timed.ts) &&
        isObject(timed.item) &&
        isNat(timed.item.line) &&
        typeof timed.item.hash === 'string',
    )
  );
}

function isFold(value: unknown, turns: number): value is FoldState {
  if (!isObject(value) || value.next !== turns || !Array.isArray(value.pending)) return false;
  const pending: unknown[] = value.pending;
  return pending.every(
    (call) =>
      isObject(call) &&
      typeof call.callId === 'string' &&
      isTs(call.ts) &&
      isNat(call.turn) &&
      call.turn < turns,
  );
}

function checkedRest(value: unknown, reader: Reader, counts: { turns: number; records: number }): Rest {
  if (!isObject(value)) return reader.fail('its JSON part is not an object');
  const { lists, inherited } = value;
  if (!isState(value.state)) reader.fail('its state is malformed');
  if (!isObject(lists) || ![lists.usage, lists.extensions, lists.configChanges, lists.runs].every(isList))
    reader.fail('its panel lists are malformed');
  if (!isOrigin(value.forkedFrom) || !isOrigin(value.compactedFrom)) reader.fail('its lineage is malformed');
  if (!isNat(value.unknownEntries) || !isTsOrNull(value.firstTs) || !isTsOrNull(value.lastTs))
    reader.fail('its counters or times are malformed');
  if (value.folded !== counts.records)
    reader.fail(`it folded ${String(value.folded)} of ${counts.records} entries`);
  const isInherited = (pair: unknown): boolean =>
    Array.isArray(pair) &&
    pair.length === 2 &&
    isNat(pair[0]) &&
    pair[0] < counts.turns &&
    isTsOrNull(pair[1]);
  if (!Array.isArray(inherited) || !inherited.every(isInherited))
    reader.fail('its inherited times are malformed');
  if (!isFold(value.fold, counts.turns)) reader.fail('its fold state is malformed');
  return value as Rest;
}
