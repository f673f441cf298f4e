import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Batcher, netEvent } from './batcher';
import type { FileChange, FileEvent, WatchBatch } from './types';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const change = (path: string, event: FileEvent): FileChange => ({
  path,
  event,
  role: 'main',
  session: path.replace(/^.*\//, ''),
});

function batcher(): { batches: WatchBatch[]; times: number[]; batcher: Batcher } {
  const batches: WatchBatch[] = [];
  const times: number[] = [];
  const b = new Batcher((batch) => {
    batches.push(batch);
    times.push(Date.now());
  });
  return { batches, times, batcher: b };
}

describe('Batcher', () => {
  it('sends everything that happens within 100 ms as one message, 100 ms after the first event', () => {
    const { batches, times, batcher: b } = batcher();
    const start = Date.now();
    for (let i = 0; i < 500; i++) {
      b.file('r1', change(`/r1/s${i % 50}`, i < 50 ? 'add' : 'change'));
      if (i % 100 === 0) vi.advanceTimersByTime(19);
    }
    b.file('r2', change('/r2/x', 'unlink'));
    vi.advanceTimersByTime(99 - 19 * 5);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(times).toEqual([start + 100]);
    expect(batches).toHaveLength(1);
    const [r1, r2] = batches[0]?.roots ?? [];
    expect(r1?.files.map((f) => [f.path, f.event])).toEqual(
      Array.from({ length: 50 }, (_, i) => [`/r1/s${i}`, 'add']),
    );
    expect(r2).toEqual({ root: 'r2', resync: false, files: [change('/r2/x', 'unlink')] });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps messages at least 100 ms apart however the events are spread', () => {
    const { times, batcher: b } = batcher();
    const start = Date.now();
    b.file('r', change('/r/a', 'change'));
    vi.advanceTimersByTime(100);
    vi.advanceTimersByTime(30);
    b.file('r', change('/r/a', 'change'));
    vi.advanceTimersByTime(99);
    expect(times).toEqual([start + 100]);
    vi.advanceTimersByTime(1);
    expect(times).toEqual([start + 100, start + 230]);
  });

  it.each<[string, FileEvent[], FileEvent]>([
    ['change, change', ['change', 'change'], 'change'],
    ['add, change', ['add', 'change'], 'add'],
    ['add, unlink', ['add', 'unlink'], 'unlink'],
    ['unlink, add (replaced)', ['unlink', 'add'], 'change'],
    ['change, unlink', ['change', 'unlink'], 'unlink'],
    ['add, unlink, add', ['add', 'unlink', 'add'], 'add'],
    ['unlink, add, unlink', ['unlink', 'add', 'unlink'], 'unlink'],
  ])('coalesces %s into one %s', (_, events, expected) => {
    const { batches, batcher: b } = batcher();
    for (const event of events) b.file('r', change('/r/a', event));
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([{ roots: [{ root: 'r', resync: false, files: [change('/r/a', expected)] }] }]);
  });

  it('sends a resync alone, and keeps the files seen with it', () => {
    const { batches, batcher: b } = batcher();
    b.resync('gone');
    b.file('back', change('/back/a', 'add'));
    b.resync('back');
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([
      {
        roots: [
          { root: 'gone', resync: true, files: [] },
          { root: 'back', resync: true, files: [change('/back/a', 'add')] },
        ],
      },
    ]);
  });

  it('sends nothing after close, and leaves no timer behind', () => {
    const { batches, batcher: b } = batcher();
    b.file('r', change('/r/a', 'add'));
    b.close();
    expect(vi.getTimerCount()).toBe(0);
    b.file('r', change('/r/b', 'add'));
    b.resync('r');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([]);
  });
});

describe('netEvent', () => {
  it('lets the last event decide whether the file is there, and the first whether it is new', () => {
    const events: FileEvent[] = ['add', 'change', 'unlink'];
    for (const first of events) {
      for (const last of events) {
        const net = netEvent(first, last);
        expect(net === 'unlink').toBe(last === 'unlink');
        expect(net === 'add').toBe(first === 'add' && last !== 'unlink');
      }
    }
  });
});

describe('Batcher, events in any order', () => {
  const paths = ['/a/1', '/a/2', '/a/3', '/b/1'];
  const arrival = fc.record({
    path: fc.constantFrom(...paths),
    event: fc.constantFrom<FileEvent>('add', 'change', 'unlink'),
    /** Time since the previous arrival, whichever arrives first. */
    gap: fc.nat({ max: 140 }),
  });
  const rootOf = (path: string): string => path.split('/')[1] ?? '';

  it('reports every path once per message, as its events in that window say, at most every 100 ms', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(arrival, { maxLength: 40 }),
        fc.array(fc.constantFrom('a', 'b'), { maxLength: 3 }),
        async (s, arrivals, resyncs) => {
          type Logged =
            | { kind: 'file'; path: string; event: FileEvent }
            | { kind: 'resync'; root: string }
            | { kind: 'batch'; batch: WatchBatch; at: number };
          const log: Logged[] = [];
          const b = new Batcher((batch) => log.push({ kind: 'batch', batch, at: Date.now() }));
          const done = [
            ...arrivals.map((each) =>
              s.schedule(Promise.resolve(each)).then(({ path, event, gap }) => {
                vi.advanceTimersByTime(gap);
                b.file(rootOf(path), change(path, event));
                log.push({ kind: 'file', path, event });
              }),
            ),
            ...resyncs.map((root) =>
              s.schedule(Promise.resolve(root)).then((r) => {
                b.resync(r);
                log.push({ kind: 'resync', root: r });
              }),
            ),
          ];
          await s.waitAll();
          await Promise.all(done);
          vi.advanceTimersByTime(100);
          b.close();

          const exists = new Map<string, boolean>();
          let files: { path: string; event: FileEvent }[] = [];
          let resynced = new Set<string>();
          let previous = -Infinity;
          for (const entry of log) {
            if (entry.kind === 'file') files.push(entry);
            if (entry.kind === 'resync') resynced.add(entry.root);
            if (entry.kind !== 'batch') continue;
            // Each message against what arrived since the previous one.
            expect(entry.at - previous).toBeGreaterThanOrEqual(100);
            previous = entry.at;
            const touched = new Set(files.map((e) => e.path));
            expect(entry.batch.roots.map((root) => root.root).sort()).toEqual(
              [...new Set([...[...touched].map(rootOf), ...resynced])].sort(),
            );
            const reported = entry.batch.roots.flatMap((root) => {
              expect(root.resync).toBe(resynced.has(root.root));
              for (const file of root.files) expect(rootOf(file.path)).toBe(root.root);
              return root.files;
            });
            expect(reported.map((file) => file.path).sort()).toEqual([...touched].sort());
            for (const file of reported) {
              const own = files.filter((e) => e.path === file.path);
              const last = own.at(-1)?.event;
              expect(file.event === 'unlink').toBe(last === 'unlink');
              expect(file.event === 'add').toBe(own[0]?.event === 'add' && last !== 'unlink');
              exists.set(file.path, file.event !== 'unlink');
            }
            files = [];
            resynced = new Set();
          }
          expect(files).toEqual([]);
          expect(resynced.size).toBe(0);

          // What the receiver ends up believing matches the last event of every path.
          for (const path of paths) {
            const last = log.filter((e) => e.kind === 'file' && e.path === path).at(-1);
            if (last?.kind === 'file') expect(exists.get(path)).toBe(last.event !== 'unlink');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
