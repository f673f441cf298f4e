/**
 * Everything the normalised model shows of one log, from one streamed pass: the restored state
 * (the crate's fold), the turns, the audit-only events for the panels, and the unreadable lines.
 * Digests are kept per file state so listing and paging do not re-read an unchanged log.
 */
import type { Turn } from '../../../shared/model';
import type {
  YoiConfigChange,
  YoiExtension,
  YoiOrigin,
  YoiRunOutcome,
  YoiUsage,
  YoiCapped,
} from '../../../shared/panels/yoi';
import { sameFacts } from '../../jsonl';
import type { FileFacts } from '../../jsonl';
import { Capped } from './capped';
import { scanLog } from './log';
import type { BadLine } from './log';
import { applyEntry, emptyState } from './restore';
import type { RestoredState } from './restore';
import { Timeline, isoOf } from './timeline';

export const PANEL_LIST_CAP = 1000;

export interface Digest {
  facts: FileFacts;
  state: RestoredState;
  turns: Turn[];
  unreadable: BadLine[];
  /** Non-blank lines read as entries. */
  entries: number;
  createdAt: string | null;
  updatedAt: string | null;
  forkedFrom: YoiOrigin | null;
  compactedFrom: YoiOrigin | null;
  usage: YoiCapped<YoiUsage>;
  extensions: YoiCapped<YoiExtension>;
  configChanges: YoiCapped<YoiConfigChange>;
  runs: YoiCapped<YoiRunOutcome>;
  unknownEntries: number;
}

const originOf = (o: { session_id: string; at_hash: string } | undefined): YoiOrigin | null =>
  o ? { sessionId: o.session_id, atHash: o.at_hash } : null;

export async function digestLog(path: string): Promise<Digest> {
  const state = emptyState();
  const timeline = new Timeline();
  const usage = new Capped<YoiUsage>(PANEL_LIST_CAP);
  const extensions = new Capped<YoiExtension>(PANEL_LIST_CAP);
  const configChanges = new Capped<YoiConfigChange>(PANEL_LIST_CAP);
  const runs = new Capped<YoiRunOutcome>(PANEL_LIST_CAP);
  let firstTs: number | null = null;
  let lastTs: number | null = null;
  let forkedFrom: YoiOrigin | null = null;
  let compactedFrom: YoiOrigin | null = null;
  let unknownEntries = 0;
  const scan = await scanLog(path, ({ number, entry: hashed }) => {
    applyEntry(state, hashed);
    const { entry, hash } = hashed;
    const ts = entry.ts ?? lastTs ?? 0;
    timeline.add(hashed, { line: number, hash, ts });
    if (entry.ts !== null) {
      firstTs ??= entry.ts;
      lastTs = entry.ts;
    }
    const place = { line: number, hash, time: isoOf(ts) ?? '' };
    switch (entry.kind) {
      case 'session_start':
        firstTs = entry.ts;
        forkedFrom = originOf(entry.forked_from);
        compactedFrom = originOf(entry.compacted_from);
        break;
      case 'llm_usage':
        usage.push({
          ...place,
          historyLen: entry.history_len,
          inputTotalTokens: entry.input_total_tokens,
          cacheReadTokens: entry.cache_read_tokens,
          cacheWriteTokens: entry.cache_write_tokens,
          outputTokens: entry.output_tokens,
        });
        break;
      case 'extension':
        extensions.push({ ...place, domain: entry.domain, payload: entry.payload });
        break;
      case 'config_changed':
        configChanges.push({ ...place, config: entry.config });
        break;
      case 'run_completed':
        runs.push({ ...place, outcome: 'completed', interrupted: entry.interrupted, result: entry.result });
        break;
      case 'run_errored':
        runs.push({ ...place, outcome: 'errored', interrupted: entry.interrupted, message: entry.message });
        break;
      case 'unknown':
        unknownEntries += 1;
        break;
    }
  });
  return {
    facts: scan.facts,
    state,
    turns: timeline.turns,
    unreadable: scan.unreadable,
    entries: scan.entries,
    createdAt: isoOf(firstTs),
    updatedAt: isoOf(lastTs),
    forkedFrom,
    compactedFrom,
    usage: usage.value(),
    extensions: extensions.value(),
    configChanges: configChanges.value(),
    runs: runs.value(),
    unknownEntries,
  };
}

const DIGEST_CACHE_SIZE = 8;
const digests = new Map<string, Digest>();

/** The digest of this state of the file if one was made, without reading it. */
export function digestIfCached(path: string, facts: FileFacts): Digest | null {
  const known = digests.get(path);
  return known && sameFacts(known.facts, facts) ? known : null;
}

/** The digest of the file's current state, reused while (dev, ino, size, mtime) are unchanged. */
export async function digestCached(path: string, facts: FileFacts): Promise<Digest> {
  const known = digests.get(path);
  if (known && sameFacts(known.facts, facts)) {
    digests.delete(path);
    digests.set(path, known);
    return known;
  }
  const digest = await digestLog(path);
  digests.delete(path);
  digests.set(path, digest);
  if (digests.size > DIGEST_CACHE_SIZE) digests.delete(digests.keys().next().value as string);
  return digest;
}
