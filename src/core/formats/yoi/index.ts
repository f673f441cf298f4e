/**
 * The yoi format (formats.md §3): `session_store` hash-chained JSONL logs, `<uuid>.jsonl` per
 * session plus an optional `<uuid>.trace.jsonl`. The Library uses `yoiFormat`; the rest is
 * exported for tools and tests that speak the crate's format itself.
 */
import type { FormatAdapter } from '../format';
import { defaultPlaces, detect } from './places';
import { YoiFormatStore } from './store';

export const yoiFormat: FormatAdapter = {
  id: 'yoi',
  defaultPlaces,
  detect,
  open: (root) => new YoiFormatStore(root),
};

export { YoiFormatStore, LIST_READ_BYTES } from './store';
export { YoiWriter } from './writer';
export type { SessionHandle, StartState, WriterOptions } from './writer';
export { restore, applyEntry, emptyState } from './restore';
export type { RestoredState, UsageRecord, Restored } from './restore';
export { verifyLog, verifyCached } from './verify';
export { hashedLine, hashEntryJson } from './hash';
export { serializeEntry, serializeItem, serializeConfig, serializeValue } from './serialize';
export { parseHashedLine, parseItem, parseEntry, defaultConfig } from './entries';
export type * from './entries';
export { readHeadHash } from './head';
export { readTrace } from './trace';
export { lineageOf } from './lineage';
export { isSessionId, uuidv7 } from './id';
export { sessionsDir } from './places';
