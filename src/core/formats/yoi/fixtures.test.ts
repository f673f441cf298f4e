import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from './places';
import { YoiFormatStore } from './store';
import { tempDir } from './testkit';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'yoi');
const id = (n: number): string => `0196a1b2-0000-7000-8000-${n.toString().padStart(12, '0')}`;

async function fixtureStore(): Promise<YoiFormatStore> {
  const dir = await tempDir();
  await cp(FIXTURES, dir, { recursive: true });
  return new YoiFormatStore({ id: 'fixtures', path: dir });
}

describe('fixtures/yoi', () => {
  it('is detected and listed newest first, with each chain as the README says', async () => {
    const store = await fixtureStore();
    expect(await detect(store.dir)).toBe(1);
    const list = await store.list();
    expect(list.map((s) => s.ref.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1].map(id));
    const chain = Object.fromEntries(list.map((s) => [s.ref.id.slice(-2), s.health.chain]));
    expect(chain).toEqual({
      '09': { status: 'verified', lines: 0 },
      '08': { status: 'verified', lines: 4 },
      '07': { status: 'broken', line: 3, reason: expect.stringMatching(/^broken link/) as string },
      '06': { status: 'broken', line: 4, reason: expect.stringMatching(/^bad hash/) as string },
      '05': { status: 'broken', line: 3, reason: 'unparseable line' },
      '04': { status: 'verified', lines: 1 },
      '03': { status: 'verified', lines: 3 },
      '02': { status: 'verified', lines: 19 },
      '01': { status: 'verified', lines: 8 },
    });
    expect(list.find((s) => s.ref.id === id(5))?.health.unreadableLines).toBe(2);
  });

  it('reads the long session into turns and panels', async () => {
    const store = await fixtureStore();
    const { turns, total } = await store.turns(id(2), 0, 100);
    expect(total).toBe(turns.length);
    expect(turns.filter((t) => t.tags.includes('hook')).map((t) => t.text)).toEqual([
      '[hook] 2 files changed since last turn',
    ]);
    const first = turns.find((t) => t.role === 'assistant');
    expect(first?.toolCalls.map((c) => [c.name, c.arguments, c.result])).toEqual([
      ['list_dir', { path: '.' }, 'README.md\nsrc/\nCargo.toml'],
      ['read_file', 'README.md', 'read 2 lines'],
    ]);
    const { panels } = await store.detail(id(2));
    expect(panels).toMatchObject({
      turnCount: 2,
      lastRunInterrupted: false,
      usage: { total: 1 },
      configChanges: { total: 1, items: [{ config: { temperature: 1, reasoning: 8192 } }] },
      runs: { total: 4 },
      trace: null,
    });
  });

  it('links the fork and the compaction to their sources', async () => {
    const store = await fixtureStore();
    const graph = await store.lineage(id(1));
    expect(graph.edges).toEqual([
      expect.objectContaining({
        from: { root: 'fixtures', id: id(1) },
        to: { root: 'fixtures', id: id(3) },
        kind: 'fork',
        atLine: 2,
      }),
    ]);
    const compacted = await store.lineage(id(4));
    expect(compacted.edges).toEqual([expect.objectContaining({ kind: 'compaction', atLine: 19 })]);
  });
});
