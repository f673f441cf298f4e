import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeAsset } from '../formats/orcs/serialize';
import { newAsset, userTurn } from '../formats/orcs/testkit';
import { SOURCE_ID } from '../formats/yoi/testkit';
import { line } from '../formats/zeroclaw/testkit';
import { IndexService } from './service';
import type { IndexedRoot } from './root';
import { contentOf, docRows, tempDir, threeRoots, writeZeroclaw } from './testkit';

let dir: string;
let dbPath: string;
let roots: IndexedRoot[];
let service: IndexService;

beforeEach(async () => {
  dir = await tempDir();
  dbPath = join(dir, 'index', 'sessions.sqlite');
  roots = await threeRoots(dir);
  service = IndexService.open({ dbPath });
  service.setRoots(roots);
});

afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = (response: ReturnType<IndexService['search']>) => response.groups.map((g) => g.session.ref.id);
const search = (query: string) => service.search({ query, filters: {}, limit: 50 });
const zeroclawDir = () => join(dir, 'zeroclaw');

describe('IndexService', () => {
  it('lists every format from the files alone, then fills in each summary as it indexes', async () => {
    const firstPage = await service.page({ offset: 0, limit: 50 });
    expect(firstPage.total).toBe(5);
    await service.sync();
    const page = await service.page({ offset: 0, limit: 50 });
    expect(page.items.every((item) => !item.pending)).toBe(true);
    expect(page.items.map((item) => item.title)).toContain('Harbour lights');
    expect(page.items.find((item) => item.ref.id === 'alpha')?.turnCount).toBe(2);
    expect(service.status().phase).toBe('idle');
  });

  it('finds turn text, tool calls, learned facts, identifier parts and CJK', async () => {
    await service.sync();
    expect(ids(search('signing keys'))).toEqual(['alpha']);
    expect(ids(search('Tokyo'))).toEqual([SOURCE_ID]);
    const fact = search('invoices');
    expect(fact.groups[0]?.hits[0]?.kind).toBe('fact');
    expect(ids(search('isolation'))).toEqual(['orcs-one']);
    expect(ids(search('index'))).toContain('orcs-one');
    expect(ids(search('都庁'))).toEqual(['orcs-two']);
    const hit = search('lighthouse').groups[0]?.hits[0];
    expect(hit?.turn).toBe(0);
    expect(hit?.snippet.marks.length).toBeGreaterThan(0);
  });

  it('indexes only the new turns of an append and keeps the rest untouched', async () => {
    await service.sync();
    const before = docRows(dbPath).filter((row) => row.session === 'alpha');
    const firstTurn = before.find((row) => row.turn === 0);
    await appendFile(join(zeroclawDir(), 'alpha.jsonl'), line('user', 'and the quarterly audit'));
    await service.sync();
    const after = docRows(dbPath).filter((row) => row.session === 'alpha');
    // Row ids are never reused for a rewritten document, so an unchanged id means untouched.
    expect(after.find((row) => row.turn === 0)?.id).toBe(firstTurn?.id);
    expect(ids(search('quarterly audit'))).toEqual(['alpha']);
    expect(
      (await service.page({ offset: 0, limit: 50 })).items.find((s) => s.ref.id === 'alpha')?.turnCount,
    ).toBe(3);
  });

  it('rescans a rewritten file alone', async () => {
    await service.sync();
    const betaBefore = docRows(dbPath).filter((row) => row.session === 'beta');
    await writeZeroclaw(zeroclawDir(), 'alpha', [['user', 'an entirely different conversation']]);
    await service.sync();
    expect(ids(search('signing'))).toEqual([]);
    expect(ids(search('entirely different'))).toEqual(['alpha']);
    expect(docRows(dbPath).filter((row) => row.session === 'beta')).toEqual(betaBefore);
  });

  it('takes a file rewritten in place, and longer, for a rewrite, not an append', async () => {
    await writeZeroclaw(zeroclawDir(), 'alpha', [
      ['user', 'apple'],
      ['assistant', 'banana'],
      ['user', 'cherry'],
    ]);
    await service.sync();
    // Same inode, larger size: only the bytes already indexed can tell this from an append.
    await writeFile(
      join(zeroclawDir(), 'alpha.jsonl'),
      [line('user', 'uno'), line('assistant', 'dos'), line('user', 'tres'), line('user', 'cuatro')].join(''),
    );
    await service.sync();
    expect(ids(search('banana'))).toEqual([]);
    expect(ids(search('dos'))).toEqual(['alpha']);
  });

  it('rebuilds from the files, saying it is at work until it is done, never listing nothing', async () => {
    const statuses: string[] = [];
    await service.close();
    service = IndexService.open({ dbPath, onProgress: (status) => statuses.push(status.phase) });
    service.setRoots(roots);
    await service.sync();
    await service.rebuild();
    expect(service.status().phase).not.toBe('idle');
    expect((await service.page({ offset: 0, limit: 50 })).total).toBe(5);
    await service.sync();
    expect(service.status().phase).toBe('idle');
    expect(statuses.at(-1)).toBe('idle');
    expect(ids(search('signing'))).toEqual(['alpha']);
  });

  it('forgets a removed file and picks up a new one', async () => {
    await service.sync();
    await rm(join(zeroclawDir(), 'beta.jsonl'));
    await writeZeroclaw(zeroclawDir(), 'gamma', [['user', 'a brand new harbour session']]);
    await service.sync();
    expect(ids(search('lighthouse'))).toEqual([]);
    expect(ids(search('brand new'))).toEqual(['gamma']);
    const listed = (await service.page({ offset: 0, limit: 50 })).items.map((item) => item.ref.id);
    expect(listed).not.toContain('beta');
    expect(listed).toContain('gamma');
  });

  it('reopens an index across launches and agrees with a fresh one', async () => {
    await service.sync();
    await service.close();
    service = IndexService.open({ dbPath });
    service.setRoots(roots);
    await service.sync();
    const fresh = join(dir, 'fresh.sqlite');
    const other = IndexService.open({ dbPath: fresh });
    other.setRoots(roots);
    await other.sync();
    await other.close();
    expect(contentOf(dbPath)).toEqual(contentOf(fresh));
  });

  it('reports a file it cannot read, lists it as damaged, and goes on', async () => {
    await writeFile(join(dir, 'orcs', 'broken.json'), '{"id": "broken", "version": ');
    await service.sync();
    const page = await service.page({ offset: 0, limit: 50 });
    expect(page.items.find((item) => item.ref.id === 'broken')?.health.damaged).toBeTruthy();
    expect(page.items.find((item) => item.ref.id === 'broken')?.pending).toBeFalsy();
    expect(ids(search('lighthouse'))).toEqual(['beta']);
  });

  it('gives each listed session its count of failed tool calls, kept up to date by a rescan', async () => {
    const asset = newAsset('orcs-tools');
    const call = (success: boolean) => ({
      tool_name: 'run_tests',
      args: null,
      result: null,
      success,
      duration_ms: 5n,
    });
    const turn = {
      ...userTurn('t1', 'run the tests'),
      role: 'assistant' as const,
      tool_calls: [call(false), call(true)],
    };
    asset.history.turns.push(turn);
    const path = join(dir, 'orcs', 'orcs-tools.json');
    await writeFile(path, serializeAsset(asset));
    await service.sync();
    const failed = async () =>
      Object.fromEntries(
        (await service.page({ offset: 0, limit: 50 })).items.map((item) => [
          item.ref.id,
          item.failedToolCalls,
        ]),
      );
    expect(await failed()).toMatchObject({ 'orcs-tools': 1, 'orcs-one': 0, alpha: 0 });

    asset.history.turns.push({ ...turn, id: 't2', tool_calls: [call(false), call(false)] });
    await writeFile(path, serializeAsset(asset));
    await service.sync();
    expect((await failed())['orcs-tools']).toBe(3);
  });

  it('shows only the roots in use, and filters by root', async () => {
    await service.sync();
    service.setRoots(roots.filter((root) => root.format === 'zeroclaw'));
    expect((await service.page({ offset: 0, limit: 50 })).total).toBe(2);
    expect(ids(search('invoices'))).toEqual([]);
    service.setRoots(roots);
    await service.sync();
    expect(ids(service.search({ query: 'signing', filters: { roots: ['orcsroot'] }, limit: 50 }))).toEqual(
      [],
    );
  });
});
