/**
 * Everything the normalised model shows of one log but its turns, from one streamed pass: where
 * each line lies (the jsonl LineIndex, unreadable lines included), where each turn lies (a
 * TurnIndex, so pages are read by byte range: turn-page.ts), the part of the restored state the
 * panels show, and the audit-only events for the panels, capped. No Turn and no history item is
 * kept, so a digest is a few bytes a line however large the log is (performance.md §1).
 *
 * Digests are kept per file state (dev, ino, size, mtime) so listing and paging do not re-read an
 * unchanged log, and a log that only grew is read on from where its digest stopped. Behind the
 * memory cache there may be a shelf (digest-store.ts) that keeps them across launches.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Turn } from '../../../shared/model';
import type {
  YoiCapped,
  YoiConfigChange,
  YoiExtension,
  YoiOrigin,
  YoiPlace,
  YoiRunOutcome,
  YoiUsage,
} from '../../../shared/panels/yoi';
import { LineIndex, factsOf, sameFacts } from '../../jsonl';
import type { FileFacts, RawLine, SkippedLine, Verdict } from '../../jsonl';
import { Capped } from './capped';
import { defaultConfig, parseHashedLine } from './entries';
import type { HashedEntry, RequestConfig } from './entries';
import { isBlank, openLog } from './log';
import { Timeline, isoOf } from './timeline';
import type { FoldState } from './timeline';
import { TurnIndex } from './turn-index';
import type { TurnIndexParts } from './turn-index';
import { readTurns } from './turn-page';

export const PANEL_LIST_CAP = 1000;

/** What the panels show of `collect_state`'s fold (restore.ts's applyEntry), without the history. */
export interface StateFacts {
  systemPrompt: string | null;
  config: RequestConfig;
  historyItems: number;
  turnCount: number;
  lastRunInterrupted: boolean;
  headHash: string | null;
  usageTotals: {
    inputTotalTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
    outputTokens: number;
  };
}

/**
 * A panel entry whose time is still a number: formatting a Date costs more than reading the entry,
 * and most entries of a long log are trimmed from the capped lists before anyone looks.
 */
export interface Timed<T> {
  ts: number;
  item: T;
}

/**
 * A panel's capped list. A restored digest's starts from the newest items and the total it
 * stored, so it counts the entries before them without holding them.
 */
class PanelList<T> {
  private readonly list = new Capped<Timed<T>>(PANEL_LIST_CAP);
  private earlier = 0;

  static restored<T>(stored: YoiCapped<Timed<T>>): PanelList<T> {
    const list = new PanelList<T>();
    for (const item of stored.items) list.push(item);
    list.earlier = stored.total - stored.items.length;
    return list;
  }

  push(item: Timed<T>): void {
    this.list.push(item);
  }

  value(): YoiCapped<Timed<T>> {
    const { total, items } = this.list.value();
    return { total: this.earlier + total, items };
  }
}

function shown<T extends YoiPlace>(list: PanelList<T>): YoiCapped<T> {
  const { total, items } = list.value();
  return { total, items: items.map(({ ts, item }) => ({ ...item, time: isoOf(ts) ?? '' })) };
}

/**
 * Everything a digest answers with and reads on from, as digest-bytes.ts stores it. What
 * `snapshot` gives shares the digest's arrays and objects: it is read before the next entry.
 */
export interface DigestParts {
  index: LineIndex;
  turns: TurnIndexParts;
  state: StateFacts;
  lists: {
    usage: YoiCapped<Timed<YoiUsage>>;
    extensions: YoiCapped<Timed<YoiExtension>>;
    configChanges: YoiCapped<Timed<YoiConfigChange>>;
    runs: YoiCapped<Timed<YoiRunOutcome>>;
  };
  forkedFrom: YoiOrigin | null;
  compactedFrom: YoiOrigin | null;
  unknownEntries: number;
  firstTs: number | null;
  lastTs: number | null;
  /** Entries folded so far: the next one's record number. */
  folded: number;
  fold: FoldState;
}

const originOf = (o: { session_id: string; at_hash: string } | undefined): YoiOrigin | null =>
  o ? { sessionId: o.session_id, atHash: o.at_hash } : null;

/** Reads a log line by line: `classify` is the LineIndex's verdict on each, and folds it in. */
export class Digest {
  /** Set once the pass that fed this digest has indexed the file. */
  index!: LineIndex;
  readonly state: StateFacts = {
    systemPrompt: null,
    config: defaultConfig(),
    historyItems: 0,
    turnCount: 0,
    lastRunInterrupted: false,
    headHash: null,
    usageTotals: { inputTotalTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 0 },
  };
  private usage = new PanelList<YoiUsage>();
  private extensions = new PanelList<YoiExtension>();
  private configChanges = new PanelList<YoiConfigChange>();
  private runs = new PanelList<YoiRunOutcome>();
  forkedFrom: YoiOrigin | null = null;
  compactedFrom: YoiOrigin | null = null;
  unknownEntries = 0;
  private firstTs: number | null = null;
  private lastTs: number | null = null;
  // The entry being folded, for the timeline's callbacks: its record, and the ts it inherits
  // when it has none (undefined when it has one).
  private record = 0;
  private folded = 0;
  private inherits: number | null | undefined = undefined;
  private readonly timeline = new Timeline({
    keep: false,
    content: false,
    onTurn: (turn) => this.turnIndex.made(turn.index, this.record, this.inherits),
    onResult: (turn, place, ordinal) =>
      this.turnIndex.completed(turn.index, this.record, place.line, ordinal),
  });

  constructor(readonly turnIndex = new TurnIndex()) {}

  /** The digest `parts` describes, ready to answer and to read on from where it stopped. */
  static restore(parts: DigestParts): Digest {
    const digest = new Digest(TurnIndex.fromParts(parts.turns));
    digest.index = parts.index;
    Object.assign(digest.state, parts.state);
    digest.usage = PanelList.restored(parts.lists.usage);
    digest.extensions = PanelList.restored(parts.lists.extensions);
    digest.configChanges = PanelList.restored(parts.lists.configChanges);
    digest.runs = PanelList.restored(parts.lists.runs);
    digest.forkedFrom = parts.forkedFrom;
    digest.compactedFrom = parts.compactedFrom;
    digest.unknownEntries = parts.unknownEntries;
    digest.firstTs = parts.firstTs;
    digest.lastTs = parts.lastTs;
    digest.folded = parts.folded;
    digest.timeline.resume(parts.fold);
    return digest;
  }

  snapshot(): DigestParts {
    return {
      index: this.index,
      turns: this.turnIndex.parts(),
      state: this.state,
      lists: {
        usage: this.usage.value(),
        extensions: this.extensions.value(),
        configChanges: this.configChanges.value(),
        runs: this.runs.value(),
      },
      forkedFrom: this.forkedFrom,
      compactedFrom: this.compactedFrom,
      unknownEntries: this.unknownEntries,
      firstTs: this.firstTs,
      lastTs: this.lastTs,
      folded: this.folded,
      fold: this.timeline.foldState(),
    };
  }

  get facts(): FileFacts {
    return this.index.facts;
  }

  /** Lines read as entries. */
  get entries(): number {
    return this.index.recordCount;
  }

  get createdAt(): string | null {
    return isoOf(this.firstTs);
  }

  get updatedAt(): string | null {
    return isoOf(this.lastTs);
  }

  /** The panels' lists of audit-only events: the newest PANEL_LIST_CAP of each, and how many. */
  lists(): {
    usage: YoiCapped<YoiUsage>;
    extensions: YoiCapped<YoiExtension>;
    configChanges: YoiCapped<YoiConfigChange>;
    runs: YoiCapped<YoiRunOutcome>;
  } {
    return {
      usage: shown(this.usage),
      extensions: shown(this.extensions),
      configChanges: shown(this.configChanges),
      runs: shown(this.runs),
    };
  }

  get unreadable(): SkippedLine[] {
    return this.index.skipped.filter((line) => line.reason !== null);
  }

  /** As log.ts's scanLog reads a line: blank lines are skipped, unreadable ones say why. */
  readonly classify = (raw: RawLine): Verdict => {
    if (raw.bytes === null) return { unreadable: `a line of ${raw.length} bytes, too long to read` };
    if (isBlank(raw.bytes)) return 'blank';
    const parsed = parseHashedLine(raw.bytes.toString('utf8'));
    if (!parsed.ok)
      return { unreadable: raw.terminated ? parsed.reason : `torn last line (no newline): ${parsed.reason}` };
    this.add(parsed.value, raw.number);
    return 'record';
  };

  private add(hashed: HashedEntry, line: number): void {
    const { entry, hash } = hashed;
    const ts = entry.ts ?? this.lastTs ?? 0;
    this.record = this.folded;
    this.folded += 1;
    this.inherits = entry.ts === null ? this.lastTs : undefined;
    if (entry.kind === 'session_start') this.turnIndex.reset();
    this.timeline.add(hashed, { line, hash, ts });
    this.fold(hashed);
    if (entry.ts !== null) {
      this.firstTs ??= entry.ts;
      this.lastTs = entry.ts;
    }
    // The time is set when the list is shown (Timed).
    const place = { line, hash, time: '' };
    switch (entry.kind) {
      case 'session_start':
        this.firstTs = entry.ts;
        this.forkedFrom = originOf(entry.forked_from);
        this.compactedFrom = originOf(entry.compacted_from);
        break;
      case 'llm_usage':
        this.usage.push({
          ts,
          item: {
            ...place,
            historyLen: entry.history_len,
            inputTotalTokens: entry.input_total_tokens,
            cacheReadTokens: entry.cache_read_tokens,
            cacheWriteTokens: entry.cache_write_tokens,
            outputTokens: entry.output_tokens,
          },
        });
        break;
      case 'extension':
        this.extensions.push({ ts, item: { ...place, domain: entry.domain, payload: entry.payload } });
        break;
      case 'config_changed':
        this.configChanges.push({ ts, item: { ...place, config: entry.config } });
        break;
      case 'run_completed': {
        const { interrupted, result } = entry;
        this.runs.push({ ts, item: { ...place, outcome: 'completed', interrupted, result } });
        break;
      }
      case 'run_errored': {
        const { interrupted, message } = entry;
        this.runs.push({ ts, item: { ...place, outcome: 'errored', interrupted, message } });
        break;
      }
      case 'unknown':
        this.unknownEntries += 1;
        break;
    }
  }

  /** One step of applyEntry, counting the history instead of keeping it. */
  private fold({ hash, entry }: HashedEntry): void {
    const state = this.state;
    state.headHash = hash;
    switch (entry.kind) {
      case 'session_start':
        state.systemPrompt = entry.system_prompt;
        state.config = entry.config;
        state.historyItems = entry.history.length;
        break;
      case 'user_input':
        state.historyItems += 1;
        break;
      case 'assistant_items':
      case 'tool_results':
      case 'hook_injected_items':
        state.historyItems += entry.items.length;
        break;
      case 'turn_end':
        state.turnCount = entry.turn_count;
        break;
      case 'run_completed':
      case 'run_errored':
        state.lastRunInterrupted = entry.interrupted;
        break;
      case 'config_changed':
        state.config = entry.config;
        break;
      case 'llm_usage': {
        const totals = state.usageTotals;
        totals.inputTotalTokens += entry.input_total_tokens;
        totals.cacheReadTokens += entry.cache_read_tokens;
        totals.cacheWriteTokens += entry.cache_write_tokens;
        totals.outputTokens += entry.output_tokens;
        break;
      }
      case 'extension':
      case 'unknown':
        break;
    }
  }
}

async function build(handle: FileHandle, facts: FileFacts): Promise<Digest> {
  const digest = new Digest();
  digest.index = await LineIndex.build(handle, facts, digest.classify);
  return digest;
}

/**
 * The digest of the file's new state: `known` read on from its end when the file only grew,
 * else a new one. The LineIndex decides (it checks the bytes around its resume point); a pass it
 * starts from offset 0 is a rebuild, which goes to a new digest. A digest whose last line had no
 * "\n" has folded that line already, and a file that changed without growing was not appended
 * to, so neither is read on from.
 */
async function update(known: Digest, handle: FileHandle, facts: FileFacts): Promise<Digest> {
  if (sameFacts(known.facts, facts)) return known;
  if (!known.index.endsComplete || facts.size <= known.facts.size) return build(handle, facts);
  const fresh = new Digest();
  let target = known;
  const index = await known.index.update(handle, facts, (line) => {
    if (line.offset === 0) target = fresh;
    return target.classify(line);
  });
  target.index = index;
  return target;
}

/**
 * Where digests outlive the process (digest-store.ts). `load` answers a stored digest that may
 * describe the file in the state `facts` (the same file, no larger), else null, and never fails;
 * `keep` is shown each digest a read brought up to date, to store it when that is worth it.
 */
export interface DigestShelf {
  load(path: string, facts: FileFacts): Promise<Digest | null>;
  keep(path: string, digest: Digest): void;
}

let shelf: DigestShelf | null = null;

/**
 * Backs the cache with `next` from now on; digests in memory stay. Returns the way to stop, which
 * does nothing once another shelf has taken its place.
 */
export function shelveDigests(next: DigestShelf): () => void {
  shelf = next;
  return () => {
    if (shelf === next) shelf = null;
  };
}

const DIGEST_CACHE_SIZE = 8;
const digests = new Map<string, Digest>();
/** One build or update per path at a time: an update reads on into the cached digest in place. */
const busy = new Map<string, Promise<unknown>>();

/** The digest of this state of the file if one was made, without reading it. */
export function digestIfCached(path: string, facts: FileFacts): Digest | null {
  const known = digests.get(path);
  return known && sameFacts(known.facts, facts) ? known : null;
}

async function refresh(path: string, handle: FileHandle, facts: FileFacts): Promise<Digest> {
  const backing = shelf;
  const known = digests.get(path) ?? (await backing?.load(path, facts)) ?? null;
  digests.delete(path);
  // Dropped first: an update that fails halfway has read part of the file into it.
  const digest = known ? await update(known, handle, facts) : await build(handle, facts);
  digests.set(path, digest);
  if (digests.size > DIGEST_CACHE_SIZE) digests.delete(digests.keys().next().value as string);
  backing?.keep(path, digest);
  return digest;
}

/**
 * Opens the log, brings its digest to the state of the open file and hands both to `use`. A
 * page read through the same handle reads the bytes the digest indexed even if the file is
 * replaced meanwhile; an append extends the digest in place, which TurnIndex.span allows for.
 */
export async function withDigest<T>(
  path: string,
  use: (digest: Digest, handle: FileHandle) => Promise<T>,
): Promise<T> {
  const handle = await openLog(path);
  try {
    const facts = factsOf(await handle.stat());
    const known = digestIfCached(path, facts);
    let digest = known;
    if (!digest) {
      const previous = busy.get(path) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => refresh(path, handle, facts));
      busy.set(path, next);
      try {
        digest = await next;
      } finally {
        if (busy.get(path) === next) busy.delete(path);
      }
    } else {
      digests.delete(path);
      digests.set(path, digest);
    }
    return await use(digest, handle);
  } finally {
    await handle.close();
  }
}

/** The digest of the file's current state, reused while (dev, ino, size, mtime) are unchanged. */
export function digestCached(path: string): Promise<Digest> {
  return withDigest(path, (digest) => Promise.resolve(digest));
}

/** A log read whole: its digest and every turn. For tools and tests; the app reads pages. */
export function digestLog(path: string): Promise<{ digest: Digest; turns: Turn[]; unknownEntries: number }> {
  return withDigest(path, async (digest, handle) => {
    const { turns } = await readTurns(handle, digest, 0, digest.turnIndex.count);
    return { digest, turns, unknownEntries: digest.unknownEntries };
  });
}
