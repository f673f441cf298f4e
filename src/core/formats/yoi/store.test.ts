import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPlaces, detect } from './places';
import { YoiFormatStore } from './store';
import type { LogEntry } from './entries';
import { SOURCE_ID, chain, tempDir, vectorEntries, vectorLines, writeLog } from './testkit';

const HASH2 = 'a5ed889fa44b135b77effccebcac6a04cc65e5809b7e6448ef454ae15a2ae638';
const HEAD = 'f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143';
const FORK = '0196a1b2-0000-7000-8000-00000000000a';
const COMPACT = '0196a1b2-0000-7000-8000-00000000000b';

async function storeWith(lines: string[], tail = '') {
  const dir = await tempDir();
  const path = await writeLog(dir, SOURCE_ID, lines, tail);
  const ids = [FORK, COMPACT];
  const store = new YoiFormatStore(
    { id: 'root', path: dir },
    { now: () => 9000, newId: () => ids.shift() ?? 'x' },
  );
  return { dir, path, store };
}

describe('YoiFormatStore', () => {
  it('lists a small log verified, with its times and turns', async () => {
    const { store } = await storeWith(vectorLines);
    const [summary] = await store.list();
    expect(summary).toMatchObject({
      ref: { root: 'root', id: SOURCE_ID },
      format: 'yoi',
      title: SOURCE_ID,
      untitled: true,
      createdAt: '1970-01-01T00:00:01.000Z',
      updatedAt: '1970-01-01T00:00:04.200Z',
      turnCount: 4,
      health: { unreadableLines: 0, damaged: null, chain: { status: 'verified', lines: 8 } },
      capabilities: { rename: true, delete: true, append: false },
    });
  });

  it('lists a log past the listing threshold unchecked, then as verified once verified', async () => {
    const big = 'e'.repeat(1024 * 1024);
    const entries: LogEntry[] = [{ ...vectorEntries[0], ts: 1 } as LogEntry];
    for (let i = 0; i < 9; i++)
      entries.push({ kind: 'run_errored', ts: 2 + i, interrupted: false, message: big });
    const { store } = await storeWith(chain(entries).lines);
    const listed = async () => (await store.list())[0];
    expect(await listed()).toMatchObject({
      turnCount: 0,
      createdAt: '1970-01-01T00:00:00.001Z',
      health: { chain: { status: 'unchecked' } },
    });
    await store.verify(SOURCE_ID);
    await store.turns(SOURCE_ID, 0, 1);
    expect(await listed()).toMatchObject({
      turnCount: 9,
      health: { chain: { status: 'verified', lines: 10 } },
    });
  });

  it('pages turns, shows panels and lists unreadable lines with previews', async () => {
    const { store, dir } = await storeWith([...vectorLines.slice(0, 3), 'oops', ...vectorLines.slice(3)]);
    await writeFile(
      join(dir, `${SOURCE_ID}.trace.jsonl`),
      '{"ts":1,"turn":0,"event":{"Status":{"status":"Started"}}}\n',
    );
    const page = await store.turns(SOURCE_ID, 1, 2);
    expect(page.total).toBe(4);
    expect(page.turns.map((t) => t.index)).toEqual([1, 2]);
    const detail = await store.detail(SOURCE_ID);
    expect(detail.summary.health).toMatchObject({ unreadableLines: 1, chain: { status: 'broken', line: 4 } });
    expect(detail.panels).toMatchObject({
      format: 'yoi',
      systemPrompt: 'You are helpful.',
      turnCount: 1,
      headHash: HEAD,
      usageTotals: { inputTotalTokens: 50, outputTokens: 10 },
      extensions: { total: 1 },
      runs: { total: 1, items: [{ outcome: 'completed', result: 'limit_reached', line: 9 }] },
      trace: { lines: 1, counts: { Status: 1 } },
    });
    expect(await store.unreadable(SOURCE_ID)).toEqual([
      {
        lineNumber: 4,
        byteOffset: expect.any(Number) as number,
        preview: 'oops',
        reason: expect.stringMatching(/^not JSON/) as string,
      },
    ]);
    expect(await store.files(SOURCE_ID)).toEqual([
      join(dir, `${SOURCE_ID}.jsonl`),
      join(dir, `${SOURCE_ID}.trace.jsonl`),
    ]);
  });

  it('verifies on request and refuses ids that are not lowercase UUIDs', async () => {
    const { store } = await storeWith(vectorLines);
    expect(await store.verify(SOURCE_ID)).toMatchObject({ ok: true, headHash: HEAD });
    await expect(store.verify('../etc/passwd')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(store.verify(SOURCE_ID.toUpperCase())).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(store.summary('0196a1b2-0000-7000-8000-0000000000ff')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('forks and compacts into new sessions without touching the source, and links them', async () => {
    const { store, path } = await storeWith(vectorLines);
    const before = await readFile(path);
    const fork = await store.forkAt(SOURCE_ID, HASH2);
    const compacted = await store.compactIntoNew(FORK, 'We checked the weather.');
    expect(await readFile(path)).toEqual(before);
    expect(fork.ref.id).toBe(FORK);
    expect(compacted.ref.id).toBe(COMPACT);
    const forkPanels = (await store.detail(FORK)).panels;
    const forkHead = forkPanels.format === 'yoi' ? forkPanels.headHash : null;
    const turns = (await store.turns(COMPACT, 0, 10)).turns;
    expect(turns.map((t) => [t.role, t.text])).toEqual([
      ['system', `Compacted from ${FORK} at ${forkHead ?? ''}`],
      ['system', '[Compacted context summary]\n\nWe checked the weather.'],
    ]);
    const graph = await store.lineage(FORK);
    expect(graph.nodes.map((n) => n.ref.id).sort()).toEqual([SOURCE_ID, FORK, COMPACT].sort());
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        {
          from: { root: 'root', id: SOURCE_ID },
          to: { root: 'root', id: FORK },
          kind: 'fork',
          atHash: HASH2,
          atLine: 2,
        },
        expect.objectContaining({
          from: { root: 'root', id: FORK },
          to: { root: 'root', id: COMPACT },
          kind: 'compaction',
          atLine: 1,
        }),
      ]),
    );
  });

  it('shows an origin outside the root as a missing node', async () => {
    const { store } = await storeWith(vectorLines);
    await store.forkAt(SOURCE_ID, HASH2);
    const dir2 = await tempDir();
    await writeFile(join(dir2, `${FORK}.jsonl`), await readFile(join(store.dir, `${FORK}.jsonl`)));
    const graph = await new YoiFormatStore({ id: 'other', path: dir2 }).lineage(FORK);
    expect(graph.nodes.find((n) => n.ref.id === SOURCE_ID)).toMatchObject({ missing: true, createdAt: null });
    expect(graph.edges[0]?.atLine).toBeNull();
  });

  it('refuses to fork at an unknown hash or past an unreadable line', async () => {
    const { store } = await storeWith([vectorLines[0] ?? '', 'junk', ...vectorLines.slice(1)]);
    await expect(store.forkAt(SOURCE_ID, '00'.repeat(32))).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.forkAt(SOURCE_ID, HASH2)).rejects.toMatchObject({ code: 'corrupt' });
    expect(
      await store.forkAt(SOURCE_ID, '11cb9bdc9780ab89dbcb223ce494b307bdf9219bc84c66350c9e2cdadf373531'),
    ).toMatchObject({ ref: { id: FORK } });
  });
});

describe('places and detection', () => {
  it('follows $INSOMNIA_DATA_DIR, then $INSOMNIA_HOME, then ~/.insomnia', async () => {
    const home = await tempDir();
    const at = async (vars: Record<string, string>) => (await defaultPlaces({ home, vars }))[0];
    expect(await at({ INSOMNIA_DATA_DIR: '/d', INSOMNIA_HOME: '/h' })).toMatchObject({
      path: '/d/sessions',
      origin: 'env',
      exists: false,
    });
    expect(await at({ INSOMNIA_HOME: '/h' })).toMatchObject({ path: '/h/sessions', origin: 'env' });
    await mkdir(join(home, '.insomnia', 'sessions'), { recursive: true });
    expect(await at({})).toMatchObject({
      path: join(home, '.insomnia', 'sessions'),
      origin: 'default',
      exists: true,
      format: 'yoi',
    });
  });

  it('detects <uuid>.jsonl logs that start with a hashed session_start', async () => {
    const { dir } = await storeWith(vectorLines);
    expect(await detect(dir)).toBe(1);
    const other = await tempDir();
    await writeFile(join(other, `${SOURCE_ID}.jsonl`), '{"role":"user","content":"hi"}\n');
    expect(await detect(other)).toBe(0);
    await writeFile(join(other, 'notes.jsonl'), vectorLines[0] ?? '');
    expect(await detect(other)).toBe(0);
  });
});
