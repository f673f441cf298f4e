/**
 * Format-agnostic JSONL machinery: a chunked line scanner, a byte-offset line index that grows
 * with appends, append-with-tail-repair, and crash-safe rewrites that keep concurrent appends.
 * A format supplies only what a line means (a Classify function) and what to write.
 */
export { scanLines, readRange, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LINE_BYTES } from './lines';
export type { RawLine, ScanOptions, ScanResult } from './lines';
export { LineIndex, factsOf, sameFacts } from './line-index';
export type { Classify, FileFacts, SkippedLine, Verdict } from './line-index';
export { LineIndexCache, MIN_STORED_BYTES } from './index-cache';
export type { LineIndexStore } from './index-cache';
export type { IndexCacheOptions } from './index-cache';
export { appendLine } from './append';
export type { AppendedLine } from './append';
export { rewriteFile } from './rewrite';
export type { Piece, RewriteHooks, RewritePlan, RewriteResult, RewriteSnapshot } from './rewrite';
export { serialized } from './serial';
