/**
 * One sessions directory of yoi as a FormatStore. Reading is tolerant and streamed; the only
 * writes make new sessions (a fork or a compaction), so no existing log is ever modified. Logs up
 * to LIST_READ_BYTES are read and verified while listing; larger ones are glanced at (first
 * line, file facts) until opened or verified, after which the cached results show in the list.
 */
import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type {
  ChainReport,
  LineageGraph,
  SessionDetail,
  SessionSummary,
  TurnPage,
  UnreadableLine,
} from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import { factsOf, readRange } from '../../jsonl';
import { fromFsError } from '../../fs-errors';
import type { Enumeration, FormatStore, RootHandle } from '../format';
import { PREVIEW_BYTES, unreadableOf } from '../zeroclaw/model';
import { digestCached, digestIfCached, withDigest } from './digest';
import { readStart } from './head';
import { assertSessionId, idFromFileName, logPath, tracePath } from './id';
import { lineageOf } from './lineage';
import { detailOf, summaryOf } from './model';
import type { Glance } from './model';
import { restore } from './restore';
import { isoOf } from './timeline';
import { readTrace } from './trace';
import { readTurns } from './turn-page';
import { cachedStatus, statusOf, verifyCached } from './verify';
import { YoiWriter } from './writer';
import type { WriterOptions } from './writer';

export { useStoredDigests } from './digest-store';

export const LIST_READ_BYTES = 8 * 1024 * 1024;
const LIST_CONCURRENCY = 8;
const HEX64 = /^[0-9a-f]{64}$/;

export class YoiFormatStore implements FormatStore {
  readonly appNames = true;
  readonly dir: string;
  readonly writer: YoiWriter;
  private readonly rootId: string;

  constructor(root: RootHandle, options: WriterOptions = {}) {
    this.rootId = root.id;
    this.dir = root.path;
    this.writer = new YoiWriter(root.path, options);
  }

  readonly appendOnly = true;

  async enumerate(): Promise<Enumeration> {
    const sessions = (await this.ids()).map((id) => {
      const path = logPath(this.dir, id);
      return { id, path, key: path };
    });
    return { sessions, shared: [] };
  }

  /** Newest first, as `list_sessions` sorts (UUIDv7 ids sort by creation time). */
  async list(): Promise<SessionSummary[]> {
    const ids = (await this.ids()).sort().reverse();
    const out: SessionSummary[] = [];
    for (let i = 0; i < ids.length; i += LIST_CONCURRENCY) {
      const batch = await Promise.all(
        ids.slice(i, i + LIST_CONCURRENCY).map((id) => this.glance(id, true).catch(() => null)),
      );
      for (const g of batch) if (g) out.push(summaryOf(this.rootId, g));
    }
    return out;
  }

  async summary(id: string): Promise<SessionSummary> {
    return summaryOf(this.rootId, await this.glance(id, false));
  }

  async detail(id: string): Promise<SessionDetail> {
    const g = await this.glance(id, false);
    const digest = g.digest ?? (await digestCached(logPath(this.dir, id)));
    const summary = summaryOf(this.rootId, { ...g, digest });
    return detailOf(summary, digest, await readTrace(tracePath(this.dir, id)));
  }

  async turns(id: string, from: number, count: number): Promise<TurnPage> {
    await this.stats(id);
    return withDigest(logPath(this.dir, id), (digest, handle) => readTurns(handle, digest, from, count));
  }

  /** A name in the log would be an entry the agent never wrote; the Library names yoi sessions. */
  rename(): Promise<SessionSummary> {
    return Promise.reject(new AppError('unsupported', 'yoi sessions have no names to rename'));
  }

  async files(id: string): Promise<string[]> {
    await this.stats(id);
    const trace = tracePath(this.dir, id);
    const hasTrace = await stat(trace).then(
      (s) => s.isFile(),
      () => false,
    );
    return hasTrace ? [logPath(this.dir, id), trace] : [logPath(this.dir, id)];
  }

  async unreadable(id: string): Promise<UnreadableLine[]> {
    await this.stats(id);
    return withDigest(logPath(this.dir, id), async (digest, handle) => {
      const out: UnreadableLine[] = [];
      for (const bad of digest.unreadable) {
        out.push(unreadableOf(bad, await readRange(handle, bad.offset, Math.min(bad.length, PREVIEW_BYTES))));
      }
      return out;
    });
  }

  async verify(id: string): Promise<ChainReport> {
    assertSessionId(id);
    return verifyCached(logPath(this.dir, id));
  }

  async lineage(id: string): Promise<LineageGraph> {
    await this.stats(id);
    return lineageOf(this.dir, this.rootId, id);
  }

  /**
   * A new session holding the state up to the entry `atHash`. Unlike the crate (which forks the
   * whole log when the hash is absent, and cannot read a log with one bad line), a hash that is
   * not in the log is refused, and so is a prefix with lines the crate could not read back.
   */
  async forkAt(id: string, atHash: string): Promise<SessionSummary> {
    await this.stats(id);
    if (!HEX64.test(atHash)) throw new AppError('invalid_input', 'atHash must be 64 lowercase hex digits');
    const { state, scan, found, unknown } = await restore(logPath(this.dir, id), atHash);
    if (!found) throw new AppError('not_found', `no entry of session ${id} has hash ${atHash}`);
    refuseUnreadable(scan.unreadable.length, unknown);
    const made = await this.writer.createSession(
      { systemPrompt: state.systemPrompt, config: state.config, history: state.history },
      { forkedFrom: { session_id: id, at_hash: atHash } },
    );
    return this.summary(made.id);
  }

  /**
   * A new session whose history is the summary, as the pod compacts (pod.rs): one system message
   * `[Compacted context summary]\n\n<summary>` (the pod adds auto-read files and retained items,
   * which need its worker), the source's system prompt and config, `compacted_from` its head.
   */
  async compactIntoNew(id: string, summary: string): Promise<SessionSummary> {
    await this.stats(id);
    const { state, scan, unknown } = await restore(logPath(this.dir, id));
    refuseUnreadable(scan.unreadable.length, unknown);
    if (state.headHash === null) throw new AppError('corrupt', `session ${id} has no entry to compact from`);
    const compacted = {
      ...state,
      history: [
        {
          type: 'message' as const,
          role: 'system' as const,
          content: [{ type: 'text' as const, text: `[Compacted context summary]\n\n${summary}` }],
        },
      ],
    };
    const made = await this.writer.createCompactedSession(compacted, id, state.headHash);
    return this.summary(made.id);
  }

  private async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      throw fromFsError(error, `sessions folder ${this.dir}`);
    }
    return names.map(idFromFileName).filter((id): id is string => id !== null);
  }

  private async stats(id: string): Promise<Stats> {
    assertSessionId(id);
    try {
      return await stat(logPath(this.dir, id));
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    }
  }

  private async glance(id: string, listing: boolean): Promise<Glance> {
    const path = logPath(this.dir, id);
    const facts = factsOf(await this.stats(id));
    if (!listing || facts.size <= LIST_READ_BYTES) {
      const digest = await digestCached(path);
      let chain = cachedStatus(path, facts);
      if (chain.status === 'unchecked' && facts.size <= LIST_READ_BYTES)
        chain = statusOf(await verifyCached(path));
      return { id, facts, createdAt: digest.createdAt, chain, digest };
    }
    const cached = digestIfCached(path, facts);
    const createdAt = cached ? cached.createdAt : isoOf((await readStart(path))?.ts ?? null);
    return { id, facts, createdAt, chain: cachedStatus(path, facts), digest: cached };
  }
}

function refuseUnreadable(unreadable: number, unknown: number): void {
  if (unreadable + unknown === 0) return;
  throw new AppError(
    'corrupt',
    `the log has ${unreadable} unreadable line(s) and ${unknown} unknown entr(ies) before that point; yoi could not resume such a session`,
  );
}
