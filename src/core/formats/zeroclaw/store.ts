/**
 * ZeroClaw's channel `SessionStore` plus the `SessionBackend` methods it left as stubs
 * (formats.md §2.3), over one sessions folder: the same operations under the same names, with the
 * differences a browser that must lose nothing needs, each deliberate:
 * - Reading streams the file and indexes line offsets; nothing reads a session whole.
 * - `removeLast` and `compact` remove exactly what they say and copy every other byte as it was
 *   (ZeroClaw reserialises every message); rewrites are atomic and keep concurrent appends
 *   (src/core/jsonl/rewrite.ts). Each write returns what an undo needs.
 * - Metadata is real, never "now": counts from the file, times from sessions.db or the file.
 * - Names and run states live in sessions.db's session_metadata, keyed as ZeroClaw's SQLite
 *   backend keys them, so each side reads what the other wrote.
 * - Sessions that exist only as rows of sessions.db's `sessions` table (ZeroClaw's SQLite backend)
 *   are listed and read too. Their messages are read-only here: the rows belong to a live
 *   database with an FTS index ZeroClaw maintains through triggers, and Sessionscope's undo and
 *   trash work on files. Their names and states can be set (session_metadata, as for any session).
 * - Nothing is created by reading; the folder itself is never created.
 */
import { lstat, open, readdir, realpath, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';
import { fromFsError } from '../../fs-errors';
import {
  LineIndexCache,
  appendLine,
  factsOf,
  readRange,
  rewriteFile,
  scanLines,
  serialized,
} from '../../jsonl';
import type {
  AppendedLine,
  LineIndex,
  RewriteHooks,
  RewritePlan,
  RewriteSnapshot,
  SkippedLine,
} from '../../jsonl';
import type { LineIndexStore } from '../../jsonl/index-cache';
import { droppable, planCompact, planRemoveLast, planRevert } from './edits';
import type { DroppedLine, RemovedLine } from './edits';
import { classifyLine, parseLine } from './line';
import type { ChatMessage } from './line';
import { idFromFileName, isSessionId, sanitizeKey } from './sanitize';
import { assertSessionId, sessionPath } from './session-path';
import {
  DB_NAME,
  eachStoredMessage,
  importReceiptsExist,
  readSnapshot,
  readStoredMessages,
  readUnreadableRows,
  writeName,
  writeState,
} from './sessions-db';
import type { DbSnapshot, MetadataRow, NewRow, StoredSession } from './sessions-db';
import { parseRfc3339, toRfc3339 } from './time';
import { readStep } from './undo';
import type { UndoStep } from '../format';

/** `SessionMetadata` with real values (ZeroClaw's JSONL store reports "now" and 0). */
export interface SessionMetadata {
  /** The original key where sessions.db knows it, else the file stem. */
  key: string;
  name: string | null;
  createdAt: string | null;
  lastActivity: string | null;
  messageCount: number;
}

export interface SessionQuery {
  keyword?: string | null;
  limit?: number | null;
}

export interface SessionState {
  state: string;
  turnId: string | null;
  turnStartedAt: string | null;
}

/** Everything the normalised model needs to know about one session. */
export interface SessionFacts {
  /** The file stem; for a sessions.db-only session, its key sanitised. */
  id: string;
  /** The original key where it differs from the id. */
  key: string | null;
  storage: 'jsonl' | 'sqlite';
  sizeBytes: number;
  messageCount: number;
  unreadableLines: number;
  /** ISO 8601. */
  createdAt: string | null;
  lastActivity: string | null;
  metadata: MetadataRow | null;
  damaged: string | null;
  /** Why messages cannot be written, or null when they can. */
  writeRefusal: string | null;
  /** Why names and states cannot be recorded, or null. */
  dbProblem: string | null;
}

export interface RemovedMessage extends RemovedLine {
  message: ChatMessage;
  prefixSha256: string;
}

export interface Compacted {
  dropped: DroppedLine[];
  /** Length and hash of the compacted content, for the undo check. */
  length: number;
  prefixSha256: string;
}

export interface StoreOptions {
  now?: () => number;
  /** Test seam for the rewrite's two most delicate moments. */
  rewriteHooks?: RewriteHooks;
}

interface Planned<T> {
  plan: RewritePlan;
  /** What the write returns, given the SHA-256 of the new content's first `plan.hashUpTo` bytes. */
  value: (prefixSha256: string) => T;
}

interface OpenSession {
  handle: FileHandle;
  index: LineIndex;
  birthtimeMs: number;
  mtimeMs: number;
}

/** One cache for every ZeroClaw store in the process: stores are cheap, indexes are not. */
const indexes = new LineIndexCache(classifyLine);

/**
 * Keeps large sessions' line indexes in `store` as well as in memory, so that a launch loads a
 * GB session's index rather than scanning the file. Returns the way to stop.
 */
export function useStoredLineIndexes(store: LineIndexStore): () => void {
  return indexes.useStore(store);
}
const LIST_CONCURRENCY = 16;
const DEFAULT_SEARCH_LIMIT = 50;
const RECEIPTS_REFUSAL =
  'sessions.db holds JSONL import receipts: this ZeroClaw has moved its sessions to SQLite and no longer reads or writes the JSONL files, so Sessionscope will not write them either';

export class ZeroclawSessionStore {
  readonly dir: string;
  private readonly now: () => number;
  private readonly hooks: RewriteHooks;

  constructor(dir: string, options: StoreOptions = {}) {
    this.dir = resolve(dir);
    this.now = options.now ?? Date.now;
    this.hooks = options.rewriteHooks ?? {};
  }

  // ---------------------------------------------------------------------------------------------
  // ZeroClaw's operations

  /** Every message ZeroClaw would load, in order; [] when the session does not exist. */
  async load(key: string): Promise<ChatMessage[]> {
    const id = sanitizeKey(key);
    if (!isSessionId(id)) return [];
    if ((await this.jsonlFacts(id)) === null) {
      const stored = this.storedFor(id, this.snapshot().snapshot);
      return stored ? readStoredMessages(this.dir, stored.key, 0, stored.messages) : [];
    }
    return this.withSession(id, async (session) => {
      const messages: ChatMessage[] = [];
      await scanLines(
        session.handle,
        (line) => {
          const parsed = parseLine(line.bytes);
          if ('message' in parsed) messages.push(parsed.message);
        },
        { end: session.index.facts.size },
      );
      return messages;
    });
  }

  /** Appends as ZeroClaw does (creating the file), after repairing a torn last line. */
  async append(key: string, message: ChatMessage): Promise<AppendedLine> {
    return this.appendTo(sanitizeKey(key), message, true);
  }

  /** Removes the last message; null when there is none (ZeroClaw's `Ok(false)`). */
  async removeLast(key: string): Promise<RemovedMessage | null> {
    const id = sanitizeKey(key);
    await this.assertWritable(id);
    return this.rewriting(id, async (snapshot, index) => {
      const planned = await planRemoveLast(snapshot, index);
      if (!planned) return null;
      const parsed = parseLine(planned.removed.line);
      if (!('message' in parsed))
        throw new AppError('conflict', 'the session changed while it was being edited');
      return {
        plan: planned.plan,
        value: (sha: string) => ({ ...planned.removed, message: parsed.message, prefixSha256: sha }),
      };
    });
  }

  /** Drops blank and unreadable lines; null when there are none, and nothing is rewritten. */
  async compact(key: string): Promise<Compacted | null> {
    const id = sanitizeKey(key);
    await this.assertWritable(id);
    return this.rewriting(id, async (snapshot, index) => {
      const planned = await planCompact(snapshot, index);
      if (!planned) return null;
      const length = planned.plan.hashUpTo ?? 0;
      return {
        plan: planned.plan,
        value: (sha: string) => ({ dropped: planned.dropped, length, prefixSha256: sha }),
      };
    });
  }

  /**
   * Deletes the file for good, as ZeroClaw's `delete_session` does; false when there was none.
   * The app itself never calls this: a delete there moves `files()` to its trash.
   */
  async deleteSession(key: string): Promise<boolean> {
    const id = sanitizeKey(key);
    const facts = await this.jsonlFacts(id);
    if (!facts) return false;
    try {
      await unlink(facts.path);
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    }
    indexes.forget(facts.path);
    return true;
  }

  /** Each session's file: its JSONL, or sessions.db for a session that lives only there. */
  async sessionFiles(): Promise<{ id: string; path: string; key: string }[]> {
    const jsonl = await this.jsonlIds();
    const db = this.dbPath;
    const seen = new Set(jsonl);
    const stored = this.snapshot()
      .snapshot.stored.map((s) => sanitizeKey(s.key))
      .filter((id) => !seen.has(id));
    return [
      ...jsonl.map((id) => ({ id, path: sessionPath(this.dir, id), key: sessionPath(this.dir, id) })),
      ...[...new Set(stored)].map((id) => ({ id, path: db, key: `${db}#${id}` })),
    ];
  }

  /** Where names, run states and SQLite-backend sessions live. */
  get dbPath(): string {
    return resolve(this.dir, DB_NAME);
  }

  /** Ids of every session: JSONL stems, then keys (sanitised) found only in sessions.db. */
  async listSessions(): Promise<string[]> {
    const jsonl = await this.jsonlIds();
    const seen = new Set(jsonl);
    const stored = this.snapshot()
      .snapshot.stored.map((s) => sanitizeKey(s.key))
      .filter((id) => !seen.has(id));
    return [...jsonl, ...new Set(stored)];
  }

  async listSessionsWithMetadata(): Promise<SessionMetadata[]> {
    return (await this.describeAll()).map(metadataOf);
  }

  /** What `cleanup_stale(ttl_hours)` would remove, removing nothing: sessions idle longer than the TTL. */
  async stale(ttlHours: number): Promise<SessionFacts[]> {
    const cutoff = this.now() - ttlHours * 3_600_000;
    return (await this.describeAll()).filter(
      (s) => s.lastActivity !== null && Date.parse(s.lastActivity) < cutoff,
    );
  }

  /**
   * Sessions with a message containing any of the keyword's words, case-insensitively (ZeroClaw's
   * SQLite backend ORs the words in an FTS5 query); newest first, at most `limit` (default 50).
   * Without a keyword, every session, as ZeroClaw answers.
   */
  async search(query: SessionQuery): Promise<SessionMetadata[]> {
    const words = (query.keyword ?? '')
      .toLocaleLowerCase()
      .split(/\s+/u)
      .filter((word) => word !== '');
    const all = await this.describeAll();
    if (words.length === 0) return all.map(metadataOf);
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
    const matches = (content: string): boolean => {
      const lower = content.toLocaleLowerCase();
      return words.some((word) => lower.includes(word));
    };
    const hitStored = new Set<string>();
    if (all.some((s) => s.storage === 'sqlite')) {
      eachStoredMessage(this.dir, (key, message) => {
        if (matches(message.content)) hitStored.add(sanitizeKey(key));
      });
    }
    const found: SessionMetadata[] = [];
    for (const session of all.sort(newestFirst)) {
      if (found.length >= limit) break;
      const hit =
        session.storage === 'sqlite'
          ? hitStored.has(session.id)
          : await this.fileMatches(session.id, matches);
      if (hit) found.push(metadataOf(session));
    }
    return found;
  }

  async setSessionName(key: string, name: string): Promise<void> {
    const target = await this.metadataTarget(key);
    writeName(this.dir, target.key, name, target.row);
  }

  async getSessionName(key: string): Promise<string | null> {
    return (await this.describe(sanitizeKey(key))).metadata?.name ?? null;
  }

  async setSessionState(key: string, state: string, turnId: string | null): Promise<void> {
    const target = await this.metadataTarget(key);
    writeState(this.dir, target.key, state, turnId, toRfc3339(this.now()), target.row);
  }

  async getSessionState(key: string): Promise<SessionState | null> {
    const row = (await this.describe(sanitizeKey(key))).metadata;
    if (!row || row.state === null) return null;
    return { state: row.state, turnId: row.turnId, turnStartedAt: row.turnStartedAt };
  }

  async listRunningSessions(): Promise<SessionFacts[]> {
    return (await this.describeAll()).filter((s) => s.metadata?.state === 'running');
  }

  /** Running sessions whose turn started more than `thresholdSecs` ago (by `turn_started_at`). */
  async listStuckSessions(thresholdSecs: number): Promise<SessionFacts[]> {
    const cutoff = this.now() - thresholdSecs * 1000;
    return (await this.listRunningSessions()).filter((s) => {
      const started = s.metadata?.turnStartedAt ?? null;
      const at = started === null ? null : parseRfc3339(started);
      return at !== null && at < cutoff;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // What the app needs beyond ZeroClaw's operations

  /** Appends to a session; with `create` false a missing session is not_found. */
  async appendTo(id: string, message: ChatMessage, create: boolean): Promise<AppendedLine> {
    assertSessionId(id);
    if (typeof message.role !== 'string' || typeof message.content !== 'string') {
      throw new AppError('invalid_input', 'a message needs a string role and content');
    }
    if (/\p{Surrogate}/u.test(message.role + message.content)) {
      throw new AppError(
        'invalid_input',
        'a message cannot hold lone UTF-16 surrogates: ZeroClaw could not read it back',
      );
    }
    await this.assertWritable(id, create);
    const path = (await this.jsonlFacts(id))?.path ?? sessionPath(this.dir, id);
    // serde writes the two fields in declaration order with the same escapes as JSON.stringify.
    const record = Buffer.from(JSON.stringify({ role: message.role, content: message.content }), 'utf8');
    try {
      return await serialized(path, () => appendLine(path, record, create));
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    }
  }

  async describeAll(): Promise<SessionFacts[]> {
    const db = this.snapshot();
    const ids = await this.jsonlIds();
    const found: SessionFacts[] = [];
    for (let i = 0; i < ids.length; i += LIST_CONCURRENCY) {
      const batch = await Promise.all(
        ids.slice(i, i + LIST_CONCURRENCY).map((id) => this.describeFile(id, db)),
      );
      for (const facts of batch) if (facts) found.push(facts);
    }
    const seen = new Set(found.map((s) => s.id));
    for (const stored of db.snapshot.stored) {
      const id = sanitizeKey(stored.key);
      if (seen.has(id) || this.storedFor(id, db.snapshot) !== stored) continue;
      seen.add(id);
      found.push(this.describeStored(id, stored, db));
    }
    return found;
  }

  async describe(id: string): Promise<SessionFacts> {
    assertSessionId(id);
    const db = this.snapshot();
    const file = await this.describeFile(id, db);
    if (file) return file;
    const stored = this.storedFor(id, db.snapshot);
    if (stored) return this.describeStored(id, stored, db);
    throw new AppError('not_found', `session ${id} does not exist`);
  }

  /** The session's path, for the trash; sessions.db rows are not files and cannot be trashed. */
  async file(id: string): Promise<string> {
    const facts = await this.describe(id);
    if (facts.storage === 'sqlite') {
      throw new AppError('unsupported', `session ${id} lives in sessions.db; delete it in ZeroClaw`);
    }
    return sessionPath(this.dir, id);
  }

  /** Messages `from` .. `from + count` and the total, reading only their byte ranges. */
  async page(id: string, from: number, count: number): Promise<{ total: number; messages: ChatMessage[] }> {
    const facts = await this.describe(id);
    if (facts.storage === 'sqlite') {
      const key = facts.key ?? id;
      return { total: facts.messageCount, messages: readStoredMessages(this.dir, key, from, count) };
    }
    return this.withSession(id, async ({ handle, index }) => {
      const total = index.recordCount;
      const end = Math.min(total, from + count);
      // Offsets are copied before any await: a later call may extend this index in place.
      const ranges: [number, number][] = [];
      for (let i = from; i < end; i++) ranges.push([index.recordOffset(i), index.recordLength(i)]);
      const messages: ChatMessage[] = [];
      for (const bytes of await readRanges(handle, ranges)) {
        const parsed = parseLine(bytes);
        if (!('message' in parsed))
          throw new AppError('conflict', `session ${id} changed while it was read; try again`);
        messages.push(parsed.message);
      }
      return { total, messages };
    });
  }

  /** Every line ZeroClaw skips as unreadable, with up to `previewBytes` of each. */
  async unreadableLines(id: string, previewBytes: number): Promise<{ skipped: SkippedLine; head: Buffer }[]> {
    const facts = await this.describe(id);
    if (facts.storage === 'sqlite') {
      return readUnreadableRows(this.dir, facts.key ?? id).map((row) => ({
        skipped: {
          number: row.id,
          offset: 0,
          length: row.preview.length,
          terminated: true,
          reason: row.reason,
        },
        head: Buffer.from(row.preview, 'utf8'),
      }));
    }
    return this.withSession(id, async ({ handle, index }) => {
      const lines = index.skipped.filter((line) => line.reason !== null).map((line) => ({ ...line }));
      return Promise.all(
        lines.map(async (skipped) => ({
          skipped,
          head: await readRange(handle, skipped.offset, Math.min(skipped.length, previewBytes)),
        })),
      );
    });
  }

  /** The lines compact would drop, with up to `previewBytes` of each. */
  async compactPreview(
    id: string,
    previewBytes: number,
  ): Promise<{ dropped: { skipped: SkippedLine; head: Buffer }[]; kept: number }> {
    const facts = await this.describe(id);
    if (facts.storage === 'sqlite')
      throw new AppError('unsupported', `session ${id} lives in sessions.db; it has no lines to compact`);
    return this.withSession(id, async ({ handle, index }) => {
      const lines = droppable(index).map((line) => ({ ...line }));
      const kept = index.recordCount;
      const dropped = await Promise.all(
        lines.map(async (skipped) => ({
          skipped,
          head: await readRange(handle, skipped.offset, Math.min(skipped.length, previewBytes)),
        })),
      );
      return { dropped, kept };
    });
  }

  /** Reverses one of our writes from its undo step; `conflict` when that is no longer safe. */
  async revert(id: string, step: UndoStep): Promise<void> {
    const parsed = readStep(step);
    await this.assertWritable(id);
    await this.rewriting(id, async (snapshot) => ({
      plan: await planRevert(snapshot, parsed),
      value: () => undefined,
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  /** Runs one rewrite of the session's file; `plan` also says what the caller gets back once it is done. */
  private async rewriting<T>(
    id: string,
    plan: (snapshot: RewriteSnapshot, index: LineIndex) => Promise<Planned<T> | null>,
  ): Promise<T | null> {
    const found = await this.jsonlFacts(id);
    if (!found) throw new AppError('not_found', `session ${id} does not exist as a file`);
    const path = found.path;
    return serialized(path, async () => {
      let planned: Planned<T> | null = null;
      try {
        const result = await rewriteFile(
          path,
          async (snapshot) => {
            planned = await plan(snapshot, await indexes.index(path, snapshot.handle, snapshot.facts));
            return planned?.plan ?? null;
          },
          this.hooks,
        );
        const done = planned as Planned<T> | null;
        return result && done ? done.value(result.prefixSha256 ?? '') : null;
      } catch (error) {
        throw fromFsError(error, `session ${id}`);
      }
    });
  }

  /** Refuses a write of messages that ZeroClaw would not make, before anything is touched. */
  private async assertWritable(id: string, create = false): Promise<void> {
    assertSessionId(id);
    let receipts: boolean;
    try {
      receipts = importReceiptsExist(this.dir);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'unsupported',
        `whether ZeroClaw still uses its JSONL files is unknown (${why}), so nothing was written`,
      );
    }
    if (receipts) throw new AppError('unsupported', RECEIPTS_REFUSAL);
    if (await this.jsonlFacts(id)) return;
    if (this.storedFor(id, this.snapshot().snapshot)) {
      throw new AppError(
        'unsupported',
        `session ${id} lives in sessions.db, whose messages Sessionscope only reads`,
      );
    }
    if (!create) throw new AppError('not_found', `session ${id} does not exist`);
  }

  /** Where a name or state for `key` goes: the original key when known, as ZeroClaw's SQLite backend keys it. */
  private async metadataTarget(key: string): Promise<{ key: string; row: NewRow }> {
    const id = sanitizeKey(key);
    const facts = await this.describe(id);
    if (facts.dbProblem) throw new AppError('io', facts.dbProblem);
    const rowKey = key !== id ? key : (facts.metadata?.key ?? facts.key ?? id);
    const created = facts.createdAt === null ? this.now() : Date.parse(facts.createdAt);
    const active = facts.lastActivity === null ? created : Date.parse(facts.lastActivity);
    return {
      key: rowKey,
      row: {
        createdAt: toRfc3339(created),
        lastActivity: toRfc3339(active),
        messageCount: facts.messageCount,
      },
    };
  }

  private snapshot(): { snapshot: DbSnapshot; problem: string | null } {
    try {
      return { snapshot: readSnapshot(this.dir), problem: null };
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      return { snapshot: { exists: true, metadata: [], stored: [], importReceipts: false }, problem };
    }
  }

  /** The stored session a sessions.db-only id stands for; with several keys sanitising alike, the first by key. */
  private storedFor(id: string, snapshot: DbSnapshot): StoredSession | null {
    const candidates = snapshot.stored.filter(
      (s) => sanitizeKey(s.key) === id && s.messages + s.unreadable > 0,
    );
    candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return candidates[0] ?? null;
  }

  private async describeFile(
    id: string,
    db: { snapshot: DbSnapshot; problem: string | null },
  ): Promise<SessionFacts | null> {
    const found = await this.jsonlFacts(id);
    if (!found) return null;
    const key = originalKey(id, db.snapshot);
    const metadata = metadataFor(id, key, db.snapshot);
    const writeRefusal = db.problem
      ? `sessions.db cannot be read (${db.problem}), so whether ZeroClaw still uses this file is unknown`
      : db.snapshot.importReceipts
        ? RECEIPTS_REFUSAL
        : null;
    const base = { id, key, storage: 'jsonl' as const, metadata, writeRefusal, dbProblem: db.problem };
    try {
      return await this.withSession(id, async ({ index, birthtimeMs, mtimeMs }) => {
        const fileCreated = birthtimeMs > 0 ? birthtimeMs : mtimeMs;
        return {
          ...base,
          sizeBytes: index.facts.size,
          messageCount: index.recordCount,
          unreadableLines: index.unreadableCount,
          createdAt: iso(rowTime(metadata?.createdAt) ?? fileCreated),
          lastActivity: iso(Math.max(mtimeMs, rowTime(metadata?.lastActivity) ?? -Infinity)),
          damaged: null,
        };
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return null;
      const damaged = error instanceof Error ? error.message : String(error);
      return {
        ...base,
        sizeBytes: 0,
        messageCount: 0,
        unreadableLines: 0,
        createdAt: isoOrNull(rowTime(metadata?.createdAt)),
        lastActivity: isoOrNull(rowTime(metadata?.lastActivity)),
        damaged,
      };
    }
  }

  private describeStored(
    id: string,
    stored: StoredSession,
    db: { snapshot: DbSnapshot; problem: string | null },
  ): SessionFacts {
    const metadata = db.snapshot.metadata.find((row) => row.key === stored.key) ?? null;
    const created = rowTime(metadata?.createdAt) ?? rowTime(stored.firstAt);
    const active = Math.max(
      rowTime(metadata?.lastActivity) ?? -Infinity,
      rowTime(stored.lastAt) ?? -Infinity,
    );
    return {
      id,
      key: stored.key === id ? null : stored.key,
      storage: 'sqlite',
      sizeBytes: stored.contentBytes,
      messageCount: stored.messages,
      unreadableLines: stored.unreadable,
      createdAt: isoOrNull(created),
      lastActivity: isoOrNull(Number.isFinite(active) ? active : null),
      metadata,
      damaged: null,
      writeRefusal: 'sessions.db messages are read-only in Sessionscope',
      dbProblem: db.problem,
    };
  }

  private async fileMatches(id: string, matches: (content: string) => boolean): Promise<boolean> {
    return this.withSession(id, async ({ handle, index }) => {
      let hit = false;
      await scanLines(
        handle,
        (line) => {
          if (hit) return;
          const parsed = parseLine(line.bytes);
          if ('message' in parsed && matches(parsed.message.content)) hit = true;
        },
        { end: index.facts.size },
      );
      return hit;
    });
  }

  private async jsonlIds(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir, { withFileTypes: true }))
        // Not isFile(): some file systems report every entry's type as unknown.
        .filter((entry) => !entry.isDirectory())
        .map((entry) => entry.name);
    } catch (error) {
      throw fromFsError(error, this.dir);
    }
    return names.map(idFromFileName).filter((id): id is string => id !== null);
  }

  /** The session file's real path when it exists; a symlink must stay inside the folder. */
  private async jsonlFacts(id: string): Promise<{ path: string } | null> {
    const path = sessionPath(this.dir, id);
    try {
      const link = await lstat(path);
      if (!link.isSymbolicLink()) return link.isFile() ? { path } : null;
      const [target, base] = await Promise.all([realpath(path), realpath(this.dir)]);
      if (!target.startsWith(base + sep)) {
        throw new AppError('invalid_input', `session ${id} links outside the sessions folder`);
      }
      return (await lstat(target)).isFile() ? { path: target } : null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw fromFsError(error, `session ${id}`);
    }
  }

  private async withSession<T>(id: string, use: (session: OpenSession) => Promise<T>): Promise<T> {
    const found = await this.jsonlFacts(id);
    if (!found) throw new AppError('not_found', `session ${id} does not exist`);
    let handle: FileHandle;
    try {
      handle = await open(found.path, 'r');
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    }
    try {
      const stats = await handle.stat();
      const index = await indexes.index(found.path, handle, factsOf(stats));
      return await use({ handle, index, birthtimeMs: stats.birthtimeMs, mtimeMs: stats.mtimeMs });
    } catch (error) {
      throw fromFsError(error, `session ${id}`);
    } finally {
      await handle.close();
    }
  }
}

/**
 * The key ZeroClaw used for a stem, where sessions.db knows one that differs from it: a metadata
 * row first (the most recently active), else a `sessions` row (the first by key).
 */
function originalKey(id: string, snapshot: DbSnapshot): string | null {
  const rows = snapshot.metadata
    .filter((row) => row.key !== id && sanitizeKey(row.key) === id)
    .sort((a, b) => (rowTime(b.lastActivity) ?? 0) - (rowTime(a.lastActivity) ?? 0));
  if (rows[0]) return rows[0].key;
  const stored = snapshot.stored
    .map((s) => s.key)
    .filter((key) => key !== id && sanitizeKey(key) === id)
    .sort();
  return stored[0] ?? null;
}

/** The metadata row of a session: under its original key when known, else under its stem. */
function metadataFor(id: string, key: string | null, snapshot: DbSnapshot): MetadataRow | null {
  return (
    (key !== null ? snapshot.metadata.find((row) => row.key === key) : undefined) ??
    snapshot.metadata.find((row) => row.key === id) ??
    null
  );
}

function metadataOf(s: SessionFacts): SessionMetadata {
  return {
    key: s.key ?? s.id,
    name: s.metadata?.name ?? null,
    createdAt: s.createdAt,
    lastActivity: s.lastActivity,
    messageCount: s.messageCount,
  };
}

function newestFirst(a: SessionFacts, b: SessionFacts): number {
  return (b.lastActivity ?? '').localeCompare(a.lastActivity ?? '');
}

function rowTime(text: string | null | undefined): number | null {
  return text == null ? null : parseRfc3339(text);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/** A page's lines lie in file order, so one read usually covers them all; a read per line costs a call each. */
const SPAN_READ_BYTES = 32 * 1024 * 1024;

async function readRanges(handle: FileHandle, ranges: [number, number][]): Promise<Buffer[]> {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return [];
  const start = first[0];
  const span = last[0] + last[1] - start;
  if (span > SPAN_READ_BYTES)
    return Promise.all(ranges.map(([offset, length]) => readRange(handle, offset, length)));
  const bytes = await readRange(handle, start, span);
  return ranges.map(([offset, length]) => bytes.subarray(offset - start, offset - start + length));
}
