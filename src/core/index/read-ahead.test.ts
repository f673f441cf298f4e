import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { adapterFor } from '../formats/registry';
import { ReadAhead } from './read-ahead';
import { DocReader } from './reader';
import type { ReadPage, ReadRequest } from './reader';
import type { IndexedRoot } from './root';
import { rootOf, tempDir, threeRoots, writeZeroclaw } from './testkit';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Answers from a real reader, except that the pages it names come back one turn short. */
class ShortPages {
  readonly asked: number[] = [];
  private readonly real: DocReader;
  constructor(
    private readonly shortAt: Set<number>,
    root: IndexedRoot,
  ) {
    this.real = new DocReader(() => adapterFor(root.format).open({ id: root.id, path: root.path }));
  }
  async read(request: ReadRequest): Promise<ReadPage> {
    this.asked.push(request.from);
    const count = this.shortAt.has(request.from) ? request.count - 1 : request.count;
    return this.real.read({ ...request, count });
  }
}

it('reads ahead, and asks again where a short page really ended', async () => {
  await threeRoots(dir);
  const long = Array.from({ length: 40 }, (_, i): [string, string] => ['user', `line ${i}`]);
  await writeZeroclaw(join(dir, 'zeroclaw'), 'long', long);
  const zeroclaw = rootOf('zc', join(dir, 'zeroclaw'), 'zeroclaw');

  const reader = new ShortPages(new Set([10]), zeroclaw);
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
