import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { ReadAhead } from './read-ahead';
import { DocReader } from './reader';
import type { ReadPage, ReadRequest, SourceReader } from './reader';
import { openReader } from './reader-client';
import { IndexService } from './service';
import { contentOf, indexOnce, rootOf, tempDir, threeRoots, writeZeroclaw } from './testkit';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The thread runs this TypeScript through tsx here; the built app starts its bundled copy.
const thread = { href: new URL('./reader-thread.ts', import.meta.url).href, execArgv: ['--import', 'tsx'] };

it(
  'indexes through a reader thread exactly as it does inline, a long session in many pages',
  { timeout: 60_000 },
  async () => {
    const roots = await threeRoots(dir);
    const long = Array.from({ length: 1_234 }, (_, i): [string, string] => [
      i % 2 === 0 ? 'user' : 'assistant',
      `message number ${i} about the lighthouse`,
    ]);
    await writeZeroclaw(join(dir, 'zeroclaw'), 'long', long);

    const inline = join(dir, 'inline.sqlite');
    await indexOnce(inline, roots);
    const threaded = join(dir, 'threaded.sqlite');
    const service = IndexService.open({ dbPath: threaded, reader: thread });
    service.setRoots(roots);
    await service.sync();
    const found = service.search({ query: '"message number 1233"', filters: {}, limit: 5 });
    await service.close();

    expect(contentOf(threaded)).toEqual(contentOf(inline));
    expect(contentOf(threaded).filter((row) => row.includes('"long"'))).toHaveLength(1_234 + 1);
    expect(found.groups[0]?.hits[0]?.turn).toBe(1_233);
  },
);

it(
  'carries a read error across the thread with its code, and reads on after it',
  { timeout: 60_000 },
  async () => {
    const roots = await threeRoots(dir);
    const zeroclaw = roots.find((root) => root.format === 'zeroclaw');
    if (!zeroclaw) throw new Error('no ZeroClaw root');
    const reader = openReader(thread);
    try {
      const missing = reader.read({ root: zeroclaw, id: 'nowhere', from: 0, count: 10, head: true });
      await expect(missing).rejects.toBeInstanceOf(AppError);
      await expect(missing).rejects.toMatchObject({ code: 'not_found' });
      const page = await reader.read({ root: zeroclaw, id: 'alpha', from: 0, count: 10, head: true });
      expect(page.summary?.ref.id).toBe('alpha');
      expect(page.docs.map((doc) => doc.body)).toEqual([
        'how do I rotate the signing keys',
        'rotate them with the keyring tool',
      ]);
    } finally {
      await reader.close();
    }
  },
);

/** Answers from a real reader, except that the pages it names come back one turn short. */
class ShortPages implements SourceReader {
  readonly asked: number[] = [];
  private readonly real = new DocReader();
  constructor(private readonly shortAt: Set<number>) {}
  async read(request: ReadRequest): Promise<ReadPage> {
    this.asked.push(request.from);
    const count = this.shortAt.has(request.from) ? request.count - 1 : request.count;
    return this.real.read({ ...request, count });
  }
  close(): Promise<void> {
    return this.real.close();
  }
}

it('reads ahead, and asks again where a short page really ended', async () => {
  await threeRoots(dir);
  const long = Array.from({ length: 40 }, (_, i): [string, string] => ['user', `line ${i}`]);
  await writeZeroclaw(join(dir, 'zeroclaw'), 'long', long);
  const zeroclaw = rootOf('zc', join(dir, 'zeroclaw'), 'zeroclaw');

  const reader = new ShortPages(new Set([10]));
  const ahead = new ReadAhead(reader, zeroclaw, 'long', 10, 3);
  const turns: number[] = [];
  let page = await reader.read({ root: zeroclaw, id: 'long', from: 0, count: 10, head: false });
  let at = 0;
  for (;;) {
    turns.push(...page.docs.map((doc) => doc.turn ?? -1));
    at += page.turns;
    if (page.turns === 0 || at >= page.total) break;
    ahead.fill(at, page.total);
    page = await ahead.next(at);
  }
  expect(turns).toEqual(Array.from({ length: 40 }, (_, i) => i));
  // 0 by hand; 10, 20, 30 ahead; 10 came back short, so 19 was asked again and reading went on from there.
  expect(reader.asked.slice(0, 5)).toEqual([0, 10, 20, 30, 19]);
});
