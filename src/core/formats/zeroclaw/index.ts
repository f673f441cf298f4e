/**
 * The ZeroClaw format (formats.md §2): channel sessions as `<key>.jsonl` files, one message per
 * line, plus names, run states and SQLite-backend sessions in `sessions.db` beside them. The
 * Library uses `zeroclawFormat`; the store is exported for tools and tests that speak ZeroClaw.
 */
import type {
  CompactPreview,
  RunState,
  SessionDetail,
  SessionSummary,
  TurnPage,
  UnreadableLine,
} from '../../../shared/model';
import type { Enumeration, FormatAdapter, FormatStore, RootHandle, UndoStep, WriteOutcome } from '../format';
import { PREVIEW_BYTES, detailOf, summaryOf, turnOf, unreadableOf } from './model';
import { defaultPlaces, detect } from './places';
import { ZeroclawSessionStore } from './store';
import type { StoreOptions } from './store';
import { encode } from './undo';
import type { ZeroclawStep } from './undo';

export class ZeroclawFormatStore implements FormatStore {
  readonly sessions: ZeroclawSessionStore;
  private readonly rootId: string;

  constructor(root: RootHandle, options: StoreOptions = {}) {
    this.rootId = root.id;
    this.sessions = new ZeroclawSessionStore(root.path, options);
  }

  async list(): Promise<SessionSummary[]> {
    return (await this.sessions.describeAll()).map((s) => summaryOf(this.rootId, s));
  }

  readonly appendOnly = true;

  async enumerate(): Promise<Enumeration> {
    return { sessions: await this.sessions.sessionFiles(), shared: [this.sessions.dbPath] };
  }

  async summary(id: string): Promise<SessionSummary> {
    return summaryOf(this.rootId, await this.sessions.describe(id));
  }

  async detail(id: string): Promise<SessionDetail> {
    const facts = await this.sessions.describe(id);
    return detailOf(summaryOf(this.rootId, facts), facts);
  }

  async turns(id: string, from: number, count: number): Promise<TurnPage> {
    const { total, messages } = await this.sessions.page(id, from, count);
    return { total, from, turns: messages.map((message, i) => turnOf(message, from + i)) };
  }

  async rename(id: string, title: string | null): Promise<SessionSummary> {
    // An empty name is stored as NULL, ZeroClaw's own "no name".
    await this.sessions.setSessionName(id, title ?? '');
    return this.summary(id);
  }

  async metadataFiles(): Promise<string[]> {
    return [this.sessions.dbPath];
  }

  async files(id: string): Promise<string[]> {
    return [await this.sessions.file(id)];
  }

  async append(id: string, message: { role: string; content: string }): Promise<WriteOutcome> {
    const appended = await this.sessions.appendTo(id, message, false);
    const undo: ZeroclawStep | null =
      appended.offset === null
        ? null
        : { format: 'zeroclaw', op: 'append', offset: appended.offset, written: encode(appended.written) };
    return { summary: await this.summary(id), undo };
  }

  async removeLast(id: string): Promise<WriteOutcome> {
    const removed = await this.sessions.removeLast(id);
    const undo: ZeroclawStep | null = removed && {
      format: 'zeroclaw',
      op: 'removeLast',
      offset: removed.offset,
      line: encode(removed.line),
      terminated: removed.terminated,
      prefixSha256: removed.prefixSha256,
    };
    return { summary: await this.summary(id), undo };
  }

  async compactPreview(id: string): Promise<CompactPreview> {
    const { dropped, kept } = await this.sessions.compactPreview(id, PREVIEW_BYTES);
    return { dropped: dropped.map(({ skipped, head }) => unreadableOf(skipped, head)), keptMessages: kept };
  }

  async compact(id: string): Promise<WriteOutcome> {
    const compacted = await this.sessions.compact(id);
    const undo: ZeroclawStep | null = compacted && {
      format: 'zeroclaw',
      op: 'compact',
      length: compacted.length,
      prefixSha256: compacted.prefixSha256,
      dropped: compacted.dropped.map(({ at, line }) => ({ at, line: encode(line) })),
    };
    return { summary: await this.summary(id), undo };
  }

  async setState(id: string, state: RunState, turnId: string | null): Promise<SessionSummary> {
    await this.sessions.setSessionState(id, state, turnId);
    return this.summary(id);
  }

  async unreadable(id: string): Promise<UnreadableLine[]> {
    const lines = await this.sessions.unreadableLines(id, PREVIEW_BYTES);
    return lines.map(({ skipped, head }) => unreadableOf(skipped, head));
  }

  /** Only sessions the Library can trash: the cleanup that follows moves each one's files. */
  async stale(ttlHours: number): Promise<SessionSummary[]> {
    return (await this.sessions.stale(ttlHours))
      .map((s) => summaryOf(this.rootId, s))
      .filter((summary) => summary.capabilities.delete);
  }

  async stuck(thresholdSecs: number): Promise<SessionSummary[]> {
    return (await this.sessions.listStuckSessions(thresholdSecs)).map((s) => summaryOf(this.rootId, s));
  }

  async revert(id: string, step: UndoStep): Promise<SessionSummary> {
    await this.sessions.revert(id, step);
    return this.summary(id);
  }
}

export const zeroclawFormat: FormatAdapter = {
  id: 'zeroclaw',
  defaultPlaces,
  detect,
  open: (root) => new ZeroclawFormatStore(root),
};

export { ZeroclawSessionStore } from './store';
export type {
  Compacted,
  RemovedMessage,
  SessionFacts,
  SessionMetadata,
  SessionQuery,
  SessionState,
  StoreOptions,
} from './store';
export type { ChatMessage } from './line';
export { sanitizeKey, isSessionId } from './sanitize';
export { resolveSessionsDir } from './places';
