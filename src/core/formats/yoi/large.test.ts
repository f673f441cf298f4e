/**
 * A log larger than any JS string can be (V8 strings stop near 512 MiB) verifies and restores,
 * streamed. Its bulk is `run_errored` messages, which `collect_state` reads and drops (they are
 * audit-only), so the restored state is small and the heap must stay far below the file size.
 * The store opens it the same way: one pass indexes it, and pages are read by byte range.
 */
import { createHash } from 'node:crypto';
import { appendFile, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEntry } from './entries';
import { hashedLine } from './hash';
import { restore } from './restore';
import { serializeEntry } from './serialize';
import { YoiFormatStore } from './store';
import { PANEL_LIST_CAP } from './digest';
import { tempDir } from './testkit';
import { verifyLog } from './verify';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TARGET_BYTES = 620 * 1024 * 1024;
const MESSAGE = 'x'.repeat(64 * 1024 - 200);
const MESSAGE_BYTES = Buffer.from(MESSAGE);
const QUOTE_BRACE = Buffer.from('"}');
const NEWLINE = Buffer.from('\n');
const ZERO = '00'.repeat(32);
const ID = '0196a1b2-0000-7000-8000-0000000000bb';
let dir = '';
let log: { path: string; size: number; head: string; cycles: number } | null = null;

/**
 * Writes the log in 8 MB batches. The small entries go through `hashedLine`; the big one is put
 * together from bytes (the same JSON serializeEntry writes, checked on the first cycle), because
 * flattening 64 KB strings three times per line would make the test about string copies.
 */
async function generate(path: string): Promise<{ head: string; cycles: number }> {
  const handle = await open(path, 'w');
  let prev: string | null = null;
  let size = 0;
  let cycles = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const push = async (bytes: Buffer): Promise<void> => {
    pending.push(bytes);
    pendingBytes += bytes.length;
    size += bytes.length;
    if (pendingBytes >= 8 * 1024 * 1024) {
      await handle.write(Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    }
  };
  const write = (entry: LogEntry): Promise<void> => {
    const { hash, line } = hashedLine(prev, entry);
    prev = hash;
    return push(Buffer.from(`${line}\n`));
  };
  const writeErrored = (ts: number, interrupted: boolean, n: number): Promise<void> => {
    const json = [
      Buffer.from(`{"kind":"run_errored","ts":${ts},"interrupted":${interrupted},"message":"${n}:`),
      MESSAGE_BYTES,
      QUOTE_BRACE,
    ];
    if (n === 1) {
      const expected = serializeEntry({ kind: 'run_errored', ts, interrupted, message: `${n}:${MESSAGE}` });
      expect(Buffer.concat(json).toString()).toBe(expected);
    }
    const hash = json
      .reduce((h, part) => h.update(part), createHash('sha256').update(Buffer.from(prev ?? ZERO, 'hex')))
      .digest('hex');
    const head = Buffer.from(`{"hash":"${hash}","prev_hash":"${prev ?? ''}",`);
    prev = hash;
    return push(
      Buffer.concat([head, (json[0] ?? Buffer.alloc(0)).subarray(1), MESSAGE_BYTES, QUOTE_BRACE, NEWLINE]),
    );
  };
  try {
    await write({
      kind: 'session_start',
      ts: 1,
      system_prompt: 'big',
      config: {
        max_tokens: null,
        temperature: 0.5,
        top_p: null,
        top_k: null,
        stop_sequences: [],
        reasoning: null,
      },
      history: [],
    });
    while (size < TARGET_BYTES) {
      cycles += 1;
      const ts = 1000 + cycles;
      await write({
        kind: 'user_input',
        ts,
        item: { type: 'message', role: 'user', content: [{ type: 'text', text: `q${cycles}` }] },
      });
      await writeErrored(ts, cycles % 2 === 0, cycles);
      await write({ kind: 'turn_end', ts, turn_count: cycles });
    }
    if (pending.length > 0) await handle.write(Buffer.concat(pending));
  } finally {
    await handle.close();
  }
  return { head: prev ?? '', cycles };
}

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a log of more than 600 MB', () => {
  it(
    'verifies and restores streamed, with the heap far below the file size',
    { timeout: 60_000 },
    async () => {
      // tmpfs where there is one: the test is about reading, not about this disk's write speed.
      dir = await tempDir(
        await stat('/dev/shm').then(
          (s) => (s.isDirectory() ? '/dev/shm' : undefined),
          () => undefined,
        ),
      );
      const path = join(dir, `${ID}.jsonl`);
      const { head, cycles } = await generate(path);
      const { size } = await stat(path);
      expect(size).toBeGreaterThan(600 * 1024 * 1024);
      log = { path, size, head, cycles };

      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 5);

      const started = performance.now();
      const { report } = await verifyLog(path);
      const seconds = (performance.now() - started) / 1000;
      expect(report).toMatchObject({ ok: true, headHash: head, lines: 1 + 3 * cycles });
      console.info(
        `yoi chain verification: ${(size / 1024 / 1024 / seconds).toFixed(0)} MB/s (${(size / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s)`,
      );

      const restored = await restore(path);
      clearInterval(sampler);
      gc();
      const retained = process.memoryUsage().heapUsed - baseline;
      expect(restored.state).toMatchObject({
        turnCount: cycles,
        headHash: head,
        lastRunInterrupted: cycles % 2 === 0,
      });
      expect(restored.state.history).toHaveLength(cycles);
      expect(restored.scan.unreadable).toEqual([]);
      expect(retained).toBeLessThan(size / 20);
      expect(peak - baseline).toBeLessThan(size / 2);
    },
  );

  it(
    'opens to its first and last page through the store, holding an index and not the turns',
    { timeout: 60_000 },
    async () => {
      if (!log) throw new Error('the log of the test before is missing');
      const { path, size, head, cycles } = log;
      const total = 3 * cycles;
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 5);

      const store = new YoiFormatStore({ id: 'root', path: dir });
      let mark = performance.now();
      const first = await store.turns(ID, 0, 200);
      const opened = performance.now() - mark;
      expect(first.total).toBe(total);
      expect(first.turns.map((t) => t.text).slice(0, 3)).toEqual([
        'q1',
        `Run errored: 1:${MESSAGE}`,
        'Turn 1 ended',
      ]);

      mark = performance.now();
      const last = await store.turns(ID, total - 200, 200);
      const paged = performance.now() - mark;
      expect(last.turns.map((t) => t.index)).toEqual(Array.from({ length: 200 }, (_, i) => total - 200 + i));
      expect(last.turns.at(-1)).toMatchObject({ notice: true, text: `Turn ${cycles} ended` });
      expect(paged).toBeLessThan(opened / 10);

      // An append is read on from where the index stopped, not by a second pass over the log.
      const { line } = hashedLine(head, {
        kind: 'user_input',
        ts: 1,
        item: { type: 'message', role: 'user', content: [{ type: 'text', text: 'one more' }] },
      });
      await appendFile(path, `${line}\n`);
      mark = performance.now();
      const grown = await store.turns(ID, total, 10);
      const extended = performance.now() - mark;
      expect(grown).toMatchObject({ total: total + 1, turns: [{ index: total, text: 'one more' }] });
      expect(extended).toBeLessThan(opened / 10);

      const detail = await store.detail(ID);
      clearInterval(sampler);
      expect(detail.summary.turnCount).toBe(total + 1);
      expect(detail.panels).toMatchObject({ turnCount: cycles, runs: { total: cycles } });
      gc();
      const retained = process.memoryUsage().heapUsed - baseline;
      console.info(
        `yoi store: first page in ${opened.toFixed(0)} ms (one pass over ${(size / 1e6).toFixed(0)} MB), ` +
          `last page in ${paged.toFixed(1)} ms, page after an append in ${extended.toFixed(1)} ms; ` +
          `heap retained +${(retained / 2 ** 20).toFixed(1)} MiB, peak +${((peak - baseline) / 2 ** 20).toFixed(1)} MiB`,
      );
      // What stays is a few bytes a line and the runs panel, which keeps up to twice its cap of the
      // newest errors before trimming (capped.ts): here 64 KB messages, which V8 lets the heap
      // grow around before it collects the ones read and dropped.
      const panel = 2 * PANEL_LIST_CAP * MESSAGE.length;
      expect(retained).toBeLessThan(panel + size / 50);
      expect(peak - baseline).toBeLessThan(size * 0.75);
    },
  );
});
