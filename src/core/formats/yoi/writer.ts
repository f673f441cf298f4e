/**
 * The crate's writes (`session.rs`, `fs_store.rs`; formats.md §3.6–3.7), producing the bytes and
 * hashes the crate would. A new session is one exclusive create; every later entry is one write
 * of its whole line after a torn tail is closed with "\n" (src/core/jsonl/append.ts), so no
 * byte already in a log is ever changed. A fork or compaction always makes a new file.
 */
import { randomBytes } from 'node:crypto';
import { access, link, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { fsyncDir } from '../../files';
import { fromFsError } from '../../fs-errors';
import { appendLine, serialized } from '../../jsonl';
import { renameRetrying } from '../../rename-retry';
import { defaultConfig } from './entries';
import type { Item, JsonValue, LogEntry, RequestConfig, SessionOrigin, WorkerResult } from './entries';
import { hashedLine } from './hash';
import { logPath, uuidv7 } from './id';
import { readHeadHash } from './head';
import { restore } from './restore';
import type { RestoredState, UsageRecord } from './restore';

export interface WriterOptions {
  now?: () => number;
  /** The id of a session about to be made; by default a fresh UUIDv7. */
  newId?: (nowMs: number) => string;
}

/** A session being written: which file, and the hash its next entry chains to. */
export interface SessionHandle {
  dir: string;
  id: string;
  head: string;
}

export interface StartState {
  systemPrompt: string | null;
  config?: RequestConfig;
  history?: Item[];
}

export class YoiWriter {
  private readonly now: () => number;
  private readonly newId: (nowMs: number) => string;

  constructor(
    readonly dir: string,
    options: WriterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? ((ms) => uuidv7(ms));
  }

  /** `create_session`: a new file holding one `session_start`. */
  async createSession(
    start: StartState,
    origins: { forkedFrom?: SessionOrigin; compactedFrom?: SessionOrigin } = {},
  ): Promise<SessionHandle> {
    const ts = this.now();
    const id = this.newId(ts);
    const { hash, line } = hashedLine(null, {
      kind: 'session_start',
      ts,
      system_prompt: start.systemPrompt,
      config: start.config ?? defaultConfig(),
      history: start.history ?? [],
      ...(origins.forkedFrom ? { forked_from: origins.forkedFrom } : {}),
      ...(origins.compactedFrom ? { compacted_from: origins.compactedFrom } : {}),
    });
    await writeNew(logPath(this.dir, id), Buffer.from(`${line}\n`));
    return { dir: this.dir, id, head: hash };
  }

  /**
   * `save_delta`: one `ts` for the batch; user messages one `user_input` each, a run of tool
   * results one `tool_results`, a run of assistant messages, tool calls and reasoning one
   * `assistant_items`, anything else (a system message) one `hook_injected_items` per item.
   */
  async saveDelta(session: SessionHandle, items: Item[]): Promise<void> {
    const ts = this.now();
    const entries: LogEntry[] = [];
    let run: { kind: 'assistant_items' | 'tool_results'; items: Item[] } | null = null;
    for (const item of items) {
      const group = groupOf(item);
      if (run && run.kind === group) {
        run.items.push(item);
        continue;
      }
      run = null;
      if (group === 'user_input') entries.push({ kind: 'user_input', ts, item });
      else if (group === 'hook_injected_items')
        entries.push({ kind: 'hook_injected_items', ts, items: [item] });
      else {
        run = { kind: group, items: [item] };
        entries.push({ kind: group, ts, items: run.items });
      }
    }
    for (const entry of entries) await this.append(session, entry);
  }

  saveTurnEnd(session: SessionHandle, turnCount: number): Promise<void> {
    return this.append(session, { kind: 'turn_end', ts: this.now(), turn_count: turnCount });
  }

  saveRunCompleted(session: SessionHandle, interrupted: boolean, result: WorkerResult): Promise<void> {
    return this.append(session, { kind: 'run_completed', ts: this.now(), interrupted, result });
  }

  saveRunErrored(session: SessionHandle, interrupted: boolean, message: string): Promise<void> {
    return this.append(session, { kind: 'run_errored', ts: this.now(), interrupted, message });
  }

  saveUsage(session: SessionHandle, usage: UsageRecord): Promise<void> {
    return this.append(session, { kind: 'llm_usage', ts: this.now(), ...usage });
  }

  saveExtension(session: SessionHandle, domain: string, payload: JsonValue): Promise<void> {
    return this.append(session, { kind: 'extension', ts: this.now(), domain, payload });
  }

  saveConfigChanged(session: SessionHandle, config: RequestConfig): Promise<void> {
    return this.append(session, { kind: 'config_changed', ts: this.now(), config });
  }

  /** `fork(state)`: a new session from in-memory state, with no origin (as the crate does). */
  fork(state: RestoredState): Promise<SessionHandle> {
    return this.createSession(startOf(state));
  }

  /**
   * `fork_at`: the state of `sourceId` up to and including the entry `atHash` (the whole log if
   * no entry has it, as the crate does) in a new session whose `forked_from` names the source.
   */
  async forkAt(sourceId: string, atHash: string): Promise<SessionHandle> {
    const { state } = await restore(logPath(this.dir, sourceId), atHash);
    return this.createSession(startOf(state), { forkedFrom: { session_id: sourceId, at_hash: atHash } });
  }

  /** `create_compacted_session`: `state` (already compacted) in a new session pointing at the source head. */
  createCompactedSession(state: RestoredState, sourceId: string, sourceHead: string): Promise<SessionHandle> {
    return this.createSession(startOf(state), {
      compactedFrom: { session_id: sourceId, at_hash: sourceHead },
    });
  }

  /**
   * `ensure_head_or_fork`: when the file's last hash is no longer the caller's head (another
   * writer appended), the caller's state moves to a new session and `session` is switched to it.
   */
  async ensureHeadOrFork(session: SessionHandle, state: RestoredState): Promise<boolean> {
    const onDisk = await readHeadHash(logPath(session.dir, session.id));
    if (onDisk === session.head) return false;
    const fresh = await this.fork(state);
    session.id = fresh.id;
    session.head = fresh.head;
    return true;
  }

  /** `append_entry`: chains to the caller's head and moves it on. */
  async append(session: SessionHandle, entry: LogEntry): Promise<void> {
    const path = logPath(session.dir, session.id);
    const { hash, line } = hashedLine(session.head, entry);
    await serialized(path, async () => {
      try {
        await appendLine(path, Buffer.from(line), false);
      } catch (error) {
        throw fromFsError(error, `session ${session.id}`);
      }
    });
    session.head = hash;
  }
}

type Group = 'user_input' | 'assistant_items' | 'tool_results' | 'hook_injected_items';

function groupOf(item: Item): Group {
  switch (item.type) {
    case 'message':
      if (item.role === 'user') return 'user_input';
      return item.role === 'assistant' ? 'assistant_items' : 'hook_injected_items';
    case 'tool_call':
    case 'reasoning':
      return 'assistant_items';
    case 'tool_result':
      return 'tool_results';
    case 'unknown':
      return 'hook_injected_items';
  }
}

const startOf = (s: RestoredState): StartState => ({
  systemPrompt: s.systemPrompt,
  config: s.config,
  history: s.history,
});

/**
 * The whole first line into a file that must not exist yet, made durable with its directory entry.
 * It is written under a temp name (a dot file, which no format lists) and linked into place only
 * once complete, so a process killed part-way leaves no half-made session under a log's name; a
 * link, unlike a rename, never replaces a log that appeared meanwhile.
 */
async function writeNew(path: string, bytes: Buffer): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o644);
  } catch (error) {
    throw fromFsError(error, temp);
  }
  try {
    try {
      let done = 0;
      while (done < bytes.length) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await linkNoClobber(temp, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await fsyncDir(dir);
}

/** `temp` under the name `path`, refused as a conflict when `path` exists. */
async function linkNoClobber(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new AppError('conflict', `${path} already exists`);
    // Some file systems (FAT, exFAT) have no hard links: there a rename, after a check that
    // leaves a window of one system call, does the same.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw fromFsError(error, path);
  }
  try {
    await access(path);
    throw new AppError('conflict', `${path} already exists`);
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  try {
    await renameRetrying(temp, path);
  } catch (error) {
    throw fromFsError(error, path);
  }
}
