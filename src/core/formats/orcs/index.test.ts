import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { SessionSummary } from '../../../shared/model';
import { parseAsset } from './asset';
import { orcsFormat, OrcsFormatStore } from './index';
import { serializeAsset } from './serialize';
import { withTempDir } from './testkit';
import type { FormatStore } from '../format';

/** The ORCS panels of a detail, so the tests can read ORCS-only fields. */
async function orcsDetail(id: string, store: FormatStore = orcsFormat.open(ROOT)) {
  const detail = await store.detail(id);
  if (detail.panels.format !== 'orcs') throw new Error('not an ORCS detail');
  return { ...detail, panels: detail.panels };
}

/** fixtures/orcs at the repository root, made by scripts/make-orcs-fixtures.ts. */
const FIXTURES = fileURLToPath(new URL('../../../../fixtures/orcs', import.meta.url));
const ROOT = { id: 'fixtures', path: FIXTURES };

/** The README's table: file name → what it covers. */
async function readme(): Promise<Map<string, string>> {
  const text = await readFile(join(FIXTURES, 'README.md'), 'utf8');
  return new Map([...text.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

async function code(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : 'not an AppError'),
  );
}

describe('the ORCS fixtures through orcsFormat', () => {
  let list: SessionSummary[];
  let covers: Map<string, string>;
  const store = orcsFormat.open(ROOT);
  const titled = (title: string): SessionSummary => {
    const found = list.find((s) => s.title === title);
    if (!found) throw new Error(`no fixture titled ${title}`);
    return found;
  };

  beforeAll(async () => {
    list = await store.list();
    covers = await readme();
  });

  it('has at least 30 sessions, and the README describes every file', async () => {
    const names = await readdir(FIXTURES);
    expect(names.filter((n) => n.endsWith('.json')).length).toBeGreaterThanOrEqual(30);
    for (const name of names) if (name !== 'README.md') expect(covers.has(name), name).toBe(true);
    expect([...covers.keys()].every((name) => names.includes(name))).toBe(true);
  });

  it('lists every .json file, damaged or not, and nothing else', () => {
    const listed = list.map((s) => `${s.ref.id}.json`).sort();
    const expected = [...covers.keys()].filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
    expect(listed).toEqual(expected);
    expect(list.every((s) => s.ref.root === 'fixtures' && s.format === 'orcs')).toBe(true);
  });

  it('marks exactly the damaged fixtures damaged, with a reason, and never offers to rename them', () => {
    for (const s of list) {
      const damaged = (covers.get(`${s.ref.id}.json`) ?? '').startsWith('damaged:');
      expect(s.health.damaged !== null, `${s.ref.id}: ${s.health.damaged ?? ''}`).toBe(damaged);
      expect(s.capabilities).toMatchObject({
        rename: !damaged,
        delete: true,
        append: false,
        removeLast: false,
      });
    }
    const reasons = list.map((s) => s.health.damaged).filter((r) => r !== null);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'the file is empty',
        'the file is not valid UTF-8',
        'the file starts with a UTF-8 byte-order mark, which ORCS cannot read',
        'missing field `id`',
        'updated_at_ms: expected u64, found a string',
        'metadata["huge"]: number out of range: 1e400',
        expect.stringMatching(/^not valid JSON: EOF while parsing/),
        expect.stringMatching(/^not valid JSON: expected value at line 1, column 1/),
      ]),
    );
  });

  it('sorts by updated time, newest first, with damaged files last', () => {
    const healthy = list.filter((s) => s.health.damaged === null);
    expect(list.slice(0, healthy.length)).toEqual(healthy);
    const times = healthy.map((s) => s.updatedAt).filter((t): t is string => t !== null);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('titles a session by its name, else its first user line (≤ 80 characters), else its id', () => {
    expect(titled('ledgerline: typed errors for import').untitled).toBe(false);
    const long = list.find((s) => s.title.startsWith('Please explain'));
    expect(long?.untitled).toBe(true);
    expect(long?.title).toBe(
      'Please explain, in detail and with examples, how Rust lifetimes interact with a…',
    );
    expect([...(long?.title ?? '')].length).toBeLessThanOrEqual(80);
    const noTurns = list.filter((s) => s.untitled && s.turnCount === 0 && s.health.damaged === null);
    expect(noTurns.length).toBeGreaterThan(0);
    for (const s of noTurns) expect(s.title).toBe(s.ref.id);
    expect(list.find((s) => s.title === 'A session with no project at all.')?.projectPath).toBeNull();
  });

  it('gives times as ISO strings, and null where a Date cannot hold them', () => {
    const edge = titled('timestamps at the edges');
    expect(edge.createdAt).toBe('1970-01-01T00:00:00.000Z');
    expect(edge.updatedAt).toBeNull();
    const rust = titled('ledgerline: typed errors for import');
    expect(rust.createdAt).toBe('2026-02-03T09:12:00.000Z');
    expect(rust.projectPath).toBe('/home/mika/src/ledgerline');
    expect(rust.sizeBytes).toBeGreaterThan(5000);
  });

  it('maps every TriggerCondition variant, and keeps unknown ones raw', async () => {
    const detail = await orcsDetail(titled('skills: every trigger kind').ref.id);
    if (detail.panels.format !== 'orcs') throw new Error('not ORCS');
    const everything = detail.panels.skillConfigs.find((s) => s.key === 'everything');
    expect(everything?.autoTrigger.triggers).toEqual([
      { kind: 'OnFileEdit', glob: 'src/**' },
      { kind: 'OnLLMPreRequest' },
      { kind: 'OnLLMPostResponse' },
      { kind: 'OnEvent', eventKind: 'any' },
      { kind: 'Interval', seconds: 3600 },
    ]);
    expect(everything?.enabled).toBe(false);
    expect(detail.panels.skillConfigs.find((s) => s.key === 'future-trigger')?.autoTrigger.triggers).toEqual([
      { kind: 'unknown', raw: { OnSchedule: { cron: '0 9 * * 1-5' } } },
      { kind: 'unknown', raw: 'OnIdle' },
    ]);
    expect(detail.panels.skillConfigs.find((s) => s.key === 'heartbeat')?.params).toEqual({
      url: 'https://status.example.com/ping',
    });
  });

  it('turns every JSON value type into plain JSON, keeping big integers as digits', async () => {
    const detail = await orcsDetail(titled('metadata: every JSON value type').ref.id);
    expect(detail.panels.metadata).toEqual({
      null_value: null,
      true_value: true,
      false_value: false,
      int: 42,
      negative: -17,
      zero: 0,
      big_int: '9007199254740993',
      u64_max: '18446744073709551615',
      i64_min: '-9223372036854775808',
      float: 3.14159,
      float_integral: 100,
      float_tiny: 1e-7,
      float_huge: 6.02214076e23,
      negative_zero: -0,
      string: 'plain text',
      empty_string: '',
      array: [1, 'two', 3, null, true, [], {}],
      object: { nested: { deeper: { deepest: 'yes' } }, list: [{ a: 1 }, { b: 2 }] },
      empty_array: [],
      empty_object: {},
    });
  });

  it('maps facts, preferences, contexts, snapshots and grants', async () => {
    const facts = await orcsDetail(titled('facts with every kind of confidence').ref.id);
    expect(facts.panels.projectContext.learnedFacts.map((f) => f.confidence)).toEqual(
      [1, 1, 0.95, 0.5, 1 / 3, 0.1, 0, 1e-7].map(Math.fround),
    );
    const prefs = await orcsDetail(titled('preferences: everything set').ref.id);
    expect(prefs.panels.preferences.codingStyle).toEqual({
      preferredLanguages: ['rust', 'typescript', 'sql'],
      indent: 'spaces',
      indentSize: 4,
      namingConvention: 'snake_case',
      commentStyle: 'doc comments on public items',
    });
    expect(prefs.panels.preferences.custom.temperature).toBe(0.2);
    expect(prefs.panels.projectContext.persistentContexts).toHaveLength(2);
    const hil = await orcsDetail(titled('approvals: approved, rejected, modified').ref.id);
    const snapshot = hil.panels.componentSnapshots.find((s) => s.key === 'builtin::hil');
    const resolved = (snapshot?.state as { resolved: { result: unknown }[] }).resolved.map((r) => r.result);
    expect(resolved).toEqual([
      { Rejected: { reason: 'keep the build cache' } },
      'Approved',
      { Modified: { modified_payload: { path: 'config/staging.toml' } } },
      { Rejected: { reason: null } },
    ]);
    expect(hil.panels.grantedCommands).toEqual([
      { pattern: 'cargo build', kind: 'Persistent' },
      { pattern: 'rm -rf target/debug', kind: 'OneTime' },
    ]);
    expect(hil.panels.syncState).toBe('LocalOnly');
  });

  it('lists compacted spans with their times', async () => {
    const detail = await orcsDetail(titled('infra: migrate CI to self-hosted runners').ref.id);
    expect(detail.compactions).toHaveLength(3);
    expect(detail.compactions[0]).toEqual({
      summary: 'Inventoried the 14 GitHub Actions workflows; 9 need Docker-in-Docker.',
      turnCount: 38,
      startTime: '2026-02-10T08:00:00.000Z',
      endTime: '2026-02-10T16:20:00.000Z',
    });
    expect(detail.panels.maxTurns).toBe(50);
  });

  it('pages through 1,200 turns', async () => {
    const id = titled('toy compiler: 600 small steps').ref.id;
    const page = await store.turns(id, 1190, 20);
    expect(page.total).toBe(1200);
    expect(page.from).toBe(1190);
    expect(page.turns.map((t) => t.index)).toEqual([
      1190, 1191, 1192, 1193, 1194, 1195, 1196, 1197, 1198, 1199,
    ]);
    expect((await store.turns(id, 5000, 10)).turns).toEqual([]);
    const first = (await store.turns(id, 0, 2)).turns;
    expect(first[0]).toMatchObject({
      index: 0,
      role: 'user',
      text: 'Step 1: next change to the parser?',
      toolCalls: [],
    });
    expect(first[1]?.toolCalls[0]).toEqual({
      name: 'bash',
      arguments: { command: 'make test' },
      result: { exit_code: 2 },
      success: false,
      durationMs: 1000,
    });
  });

  it('pages a several-MB turn from one parse', async () => {
    const own = new OrcsFormatStore(ROOT);
    const id = titled('monorepo: why is the release build slow').ref.id;
    const page = await own.turns(id, 1, 1);
    expect(page.turns[0]?.text.length).toBeGreaterThan(3_000_000);
    const parsed = (await own.store.session(id)).asset;
    await own.turns(id, 2, 1);
    expect((await own.store.session(id)).asset).toBe(parsed);
  });

  it('refuses details of a damaged session, but summarises it', async () => {
    const damaged = list.find((s) => s.health.damaged === 'the file is empty');
    if (!damaged) throw new Error('no empty fixture');
    expect(await code(store.detail(damaged.ref.id))).toBe('corrupt');
    expect(await code(store.turns(damaged.ref.id, 0, 10))).toBe('corrupt');
    expect((await store.summary(damaged.ref.id)).health.damaged).toBe('the file is empty');
  });

  it('names the one file that holds a session, and refuses unknown or hostile ids', async () => {
    const rust = titled('ledgerline: typed errors for import');
    expect(await store.files(rust.ref.id)).toEqual([join(FIXTURES, `${rust.ref.id}.json`)]);
    expect(await code(store.files('00000000-0000-4000-8000-000000000000'))).toBe('not_found');
    for (const id of ['../README.md', '..', '.hidden', 'a/b', '%2e%2e']) {
      expect(await code(store.files(id))).toBe('invalid_input');
      expect(await code(store.summary(id))).toBe('invalid_input');
    }
  });

  it('writes well-formed fixtures exactly as the serializer does (they are canonical)', async () => {
    for (const s of list) {
      const kind = covers.get(`${s.ref.id}.json`) ?? '';
      if (s.health.damaged !== null || kind.startsWith('backward compatible')) continue;
      const text = await readFile(join(FIXTURES, `${s.ref.id}.json`), 'utf8');
      expect(serializeAsset(parseAsset(text)), s.ref.id).toBe(text);
    }
  });

  it('is detected as ORCS', async () => {
    expect(await orcsFormat.detect(FIXTURES)).toBeGreaterThan(0.6);
  });
});

describe('the demo library (resources/demo/orcs)', () => {
  const DEMO = fileURLToPath(new URL('../../../../resources/demo/orcs', import.meta.url));

  it('holds five or six healthy, named sessions with the panels filled in', async () => {
    const store = orcsFormat.open({ id: 'demo', path: DEMO });
    const list = await store.list();
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.length).toBeLessThanOrEqual(6);
    for (const summary of list) {
      expect(summary.health.damaged).toBeNull();
      expect(summary.untitled).toBe(false);
      const detail = await orcsDetail(summary.ref.id, store);
      const page = await store.turns(summary.ref.id, 0, 500);
      expect(page.turns.some((t) => t.toolCalls.length > 0)).toBe(true);
      expect(detail.panels.projectContext.learnedFacts.length).toBeGreaterThan(0);
      expect(detail.panels.projectContext.technologies.length).toBeGreaterThan(0);
    }
    expect(await orcsFormat.detect(DEMO)).toBe(1);
  });
});

describe('rename through orcsFormat', () => {
  const outside = (text: string): string[] => {
    const root = parseTree(text);
    const updated = root && findNodeAtLocation(root, ['updated_at_ms']);
    const name = root && findNodeAtLocation(root, ['project_context', 'name']);
    if (!updated || !name) throw new Error('no spans');
    return [
      text.slice(0, updated.offset),
      text.slice(updated.offset + updated.length, name.offset),
      text.slice(name.offset + name.length),
    ];
  };

  it('renames a fixture with unknown fields, changing nothing else, and returns the new summary', async () => {
    await withTempDir(async (dir) => {
      await cp(FIXTURES, dir, { recursive: true });
      const store = orcsFormat.open({ id: 'copy', path: dir });
      const target = (await store.list()).find((s) => s.title === 'from a newer ORCS');
      if (!target) throw new Error('no unknown-fields fixture');
      const path = join(dir, `${target.ref.id}.json`);
      const before = await readFile(path, 'utf8');
      const summary = await store.rename(target.ref.id, 'Renamed — 新しい名前');
      const after = await readFile(path, 'utf8');
      expect(outside(after)).toEqual(outside(before));
      expect(after).toContain('"sync": {');
      expect(summary.title).toBe('Renamed — 新しい名前');
      expect(summary.untitled).toBe(false);
      expect(Date.parse(summary.updatedAt ?? '')).toBeGreaterThan(Date.parse(target.updatedAt ?? ''));
      expect((await store.list()).find((s) => s.ref.id === target.ref.id)?.title).toBe(
        'Renamed — 新しい名前',
      );
    });
  });

  it('gives a backward-compatible session without a name one, where serde would put it', async () => {
    await withTempDir(async (dir) => {
      await cp(FIXTURES, dir, { recursive: true });
      const store = orcsFormat.open({ id: 'copy', path: dir });
      const target = (await store.list()).find((s) => s.title === 'A session with no project at all.');
      if (!target) throw new Error('no fixture without root_path');
      await store.rename(target.ref.id, 'Named at last');
      const text = await readFile(join(dir, `${target.ref.id}.json`), 'utf8');
      expect(text).toContain('"project_context": {\n    "name": "Named at last",\n    "technologies": [],');
    });
  });

  it('refuses to rename a damaged session and leaves it untouched', async () => {
    await withTempDir(async (dir) => {
      await cp(FIXTURES, dir, { recursive: true });
      const store = orcsFormat.open({ id: 'copy', path: dir });
      const damaged = (await store.list()).filter((s) => s.health.damaged !== null);
      for (const s of damaged) {
        const path = join(dir, `${s.ref.id}.json`);
        const before = await readFile(path);
        expect(await code(store.rename(s.ref.id, 'x'))).toBe('corrupt');
        expect((await readFile(path)).equals(before)).toBe(true);
      }
    });
  });
});
