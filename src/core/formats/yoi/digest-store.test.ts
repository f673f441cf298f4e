/**
 * Digests kept in a LineIndexStore across launches. A launch is a fresh module graph
 * (vi.resetModules), so the digest cache starts empty as it does in a new process; the store is
 * an in-memory one keeping the contract the index database keeps (lines.ts): bytes are answered
 * only for the same device and inode, and a file no smaller than when they were saved.
 */
import { appendFile, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { TurnPage } from '../../../shared/model';
import type { FileFacts, LineIndexStore } from '../../jsonl';
import { MIN_STORED_BYTES } from '../../jsonl/index-cache';
import type { LogEntry } from './entries';
import { SOURCE_ID, chain, tempDir, writeLog } from './testkit';
import { countReads } from '../../jsonl/testkit';
import { defaultConfig } from './entries';

let dir: string;
let reads: { bytes: number };
beforeEach(async () => {
  dir = await tempDir();
  reads = await countReads();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

class MemoryStore implements LineIndexStore {
  readonly rows = new Map<string, { facts: FileFacts; bytes: Uint8Array }>();
  loads = 0;

  async load(path: string, facts: FileFacts): Promise<Uint8Array | null> {
    this.loads += 1;
    const row = this.rows.get(path);
    const usable =
      row && row.facts.dev === facts.dev && row.facts.ino === facts.ino && row.facts.size <= facts.size;
    return usable ? row.bytes : null;
  }

  async save(path: string, facts: FileFacts, bytes: Uint8Array): Promise<void> {
    this.rows.set(path, { facts, bytes });
  }
}

const config = defaultConfig();
const say = (text: string) => ({
  type: 'message' as const,
  role: 'user' as const,
  content: [{ type: 'text' as const, text }],
});

/** Cycles of a user message, a tool call, its result and usage; the last call is left waiting. */
function cycles(from: number, to: number, answerLast: boolean): LogEntry[] {
  const entries: LogEntry[] = [];
  for (let i = from; i < to; i++) {
    const ts = 1000 + i;
    entries.push(
      { kind: 'user_input', ts, item: say(`${i} the harbour lights need new lenses `.repeat(8)) },
      {
        kind: 'assistant_items',
        ts,
        items: [{ type: 'tool_call', call_id: `call_${i}`, name: 'lenses', arguments: `{"n":${i}}` }],
      },
    );
    if (i < to - 1 || answerLast)
      entries.push({
        kind: 'tool_results',
        ts,
        items: [{ type: 'tool_result', call_id: `call_${i}`, summary: `fitted ${i}` }],
      });
    entries.push({
      kind: 'llm_usage',
      ts,
      history_len: i,
      input_total_tokens: 10,
      cache_read_tokens: 1,
      cache_write_tokens: 2,
      output_tokens: 3,
    });
  }
  return entries;
}

/** A log of about `bytes` bytes, its last tool call waiting for a result. */
async function largeLog(bytes: number): Promise<{ path: string; count: number }> {
  const count = Math.ceil(bytes / 1000);
  const start: LogEntry = { kind: 'session_start', ts: 1, system_prompt: 'Be brief.', config, history: [] };
  const path = await writeLog(dir, SOURCE_ID, chain([start, ...cycles(0, count, false)]).lines);
  return { path, count };
}

/** One launch: a fresh module graph whose digests are kept in `store` (or nowhere). */
async function launch(store: LineIndexStore | null) {
  vi.resetModules();
  const { withDigest } = await import('./digest');
  const { useStoredDigests } = await import('./digest-store');
  const { readTurns } = await import('./turn-page');
  const stop = store ? useStoredDigests(store) : () => undefined;
  return {
    /** The last `count` turns and every panel, and the bytes read for them. */
    async open(path: string, count = 20): Promise<{ page: TurnPage; panels: unknown; read: number }> {
      reads.bytes = 0;
      const { page, panels } = await withDigest(path, async (digest, handle) => ({
        page: await readTurns(handle, digest, digest.turnIndex.count - count, count),
        panels: { lists: digest.lists(), state: digest.state, entries: digest.entries, at: digest.updatedAt },
      }));
      // Saves are not awaited by reads: let them land as a process would before its next launch.
      await new Promise((resolve) => setImmediate(resolve));
      return { page, panels, read: reads.bytes };
    },
    stop,
  };
}

it('a later launch reads a large log from its stored digest, not the log', async () => {
  const { path } = await largeLog(3 * MIN_STORED_BYTES);
  const size = (await stat(path)).size;
  const store = new MemoryStore();
  const first = await (await launch(store)).open(path);
  expect(first.read).toBeGreaterThanOrEqual(size);
  expect(store.rows.get(path)?.facts.size).toBe(size);
  const second = await (await launch(store)).open(path);
  expect(second.page).toEqual(first.page);
  expect(second.panels).toEqual(first.panels);
  expect(second.read).toBeLessThan(64 * 1024);
});

it('reads on from a stored digest after an append, a result for a call made before it included', async () => {
  const { path, count } = await largeLog(3 * MIN_STORED_BYTES);
  const store = new MemoryStore();
  await (await launch(store)).open(path);
  const stored = store.rows.get(path);
  const { lines } = chain([
    {
      kind: 'tool_results',
      ts: 5000,
      items: [{ type: 'tool_result', call_id: `call_${count - 1}`, summary: 'late' }],
    },
    ...cycles(count, count + 40, true),
  ]);
  const appended = lines.map((line) => `${line}\n`).join('');
  await appendFile(path, appended);
  const resumed = await (await launch(store)).open(path, 200);
  const rebuilt = await (await launch(null)).open(path, 200);
  expect(resumed.page).toEqual(rebuilt.page);
  expect(resumed.panels).toEqual(rebuilt.panels);
  expect(resumed.page.turns.find((turn) => turn.toolCalls[0]?.result === 'late')).toBeDefined();
  // The appended lines, the page and the checks around the resume point; not the log before it.
  expect(rebuilt.read).toBeGreaterThan(3 * MIN_STORED_BYTES);
  expect(resumed.read).toBeLessThan(4 * appended.length);
  // Grown by less than MIN_STORED_BYTES: reading on from the stored copy costs less than a save.
  expect(store.rows.get(path)).toBe(stored);
});

it('reads a log rewritten in place at the same size again, and stores the new digest', async () => {
  const { path } = await largeLog(2 * MIN_STORED_BYTES);
  const store = new MemoryStore();
  const before = await (await launch(store)).open(path);
  const text = await readFile(path, 'utf8');
  const changed = text.replaceAll('fitted', 'FITTED');
  expect(changed.length).toBe(text.length);
  await writeFile(path, changed);
  const { mtime } = await stat(path);
  await utimes(path, mtime, new Date(mtime.getTime() + 2000));
  const after = await (await launch(store)).open(path);
  expect(after.read).toBeGreaterThanOrEqual(text.length);
  expect(JSON.stringify(after.page)).toContain('FITTED');
  expect(JSON.stringify(after.page)).not.toContain('"fitted');
  expect(after.page.turns.map((turn) => turn.index)).toEqual(before.page.turns.map((turn) => turn.index));
  expect(store.rows.get(path)?.facts.mtimeMs).toBe((await stat(path)).mtimeMs);
});

it('reads the log when the stored digest is damaged, and replaces it', async () => {
  const { path } = await largeLog(2 * MIN_STORED_BYTES);
  const store = new MemoryStore();
  const first = await (await launch(store)).open(path);
  const row = store.rows.get(path);
  if (!row) throw new Error('nothing was stored');
  const damaged = Uint8Array.from(row.bytes);
  const middle = damaged.length >> 1;
  damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
  store.rows.set(path, { ...row, bytes: damaged });
  const second = await (await launch(store)).open(path);
  expect(second.page).toEqual(first.page);
  expect(second.read).toBeGreaterThanOrEqual(row.facts.size);
  expect(store.rows.get(path)?.bytes).toEqual(row.bytes);
});

it('neither loads nor saves the digests of logs under MIN_STORED_BYTES', async () => {
  const { path } = await largeLog(MIN_STORED_BYTES / 4);
  const store = new MemoryStore();
  await (await launch(store)).open(path);
  await (await launch(store)).open(path);
  expect(store.rows.size).toBe(0);
  expect(store.loads).toBe(0);
});
