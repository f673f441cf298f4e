import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormatId, RootInfo, SessionSummary } from '../shared/model';
import { createLibrary } from './library';
import type { Library } from './library';

const resources = resolve(import.meta.dirname, '..', '..', 'resources');
const demo = join(resources, 'demo');

/** Every file under `dir`, names and bytes, so any change to the bundled demo shows. */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash
      .update(file.slice(dir.length))
      .update('\0')
      .update(await readFile(file));
  return hash.digest('hex');
}

let dir: string;
let library: Library;
let before: string;

beforeEach(async () => {
  before = await fingerprint(demo);
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-demo-'));
  // A machine with no agent sessions: the demo roots are the only ones.
  library = createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    resourcesDir: resources,
    // The CLI host brings the index up to date before a search answers.
    host: 'cli',
    version: 'test',
  });
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
  expect(await fingerprint(demo)).toBe(before);
});

async function openDemo(): Promise<{ roots: RootInfo[]; byFormat: Map<FormatId, SessionSummary[]> }> {
  const roots = await library.handlers['library.openDemo']({});
  const byFormat = new Map<FormatId, SessionSummary[]>();
  for (const root of roots) {
    if (root.format) byFormat.set(root.format, await library.handlers['sessions.list']({ root: root.id }));
  }
  return { roots, byFormat };
}

function sessionsOf(byFormat: Map<FormatId, SessionSummary[]>, format: FormatId): SessionSummary[] {
  const sessions = byFormat.get(format);
  if (!sessions?.[0]) throw new Error(`the demo has no ${format} sessions`);
  return sessions;
}

describe('the demo library', () => {
  it('opens one read-only root per format, from copies in the app-data directory', async () => {
    const { roots, byFormat } = await openDemo();
    expect(roots.map(({ format, origin, readOnly }) => ({ format, origin, readOnly }))).toEqual([
      { format: 'orcs', origin: 'demo', readOnly: true },
      { format: 'zeroclaw', origin: 'demo', readOnly: true },
      { format: 'yoi', origin: 'demo', readOnly: true },
    ]);
    for (const root of roots) expect(root.path).toBe(join(dir, 'appdata', 'demo', root.format ?? ''));
    expect(await library.handlers['roots.list']({})).toEqual(roots);
    expect([...byFormat].map(([format, sessions]) => [format, sessions.length])).toEqual([
      ['orcs', 6],
      ['zeroclaw', 4],
      ['yoi', 3],
    ]);
  });

  it('reads every session cleanly, with its turns', async () => {
    const { byFormat } = await openDemo();
    for (const session of [...byFormat.values()].flat()) {
      const label = `${session.format} ${session.ref.id}`;
      expect(session.health, label).toMatchObject({ unreadableLines: 0, damaged: null });
      expect(await library.handlers['session.unreadable']({ ref: session.ref }), label).toEqual([]);
      const detail = await library.handlers['session.get']({ ref: session.ref });
      expect(detail.summary.turnCount, label).toBeGreaterThan(1);
      const turns = await library.handlers['session.turns']({ ref: session.ref, from: 0, count: 100 });
      expect(turns.turns.length, label).toBe(detail.summary.turnCount);
    }
  });

  it('holds yoi logs whose chains verify, one forked from another and one with a trace', async () => {
    const { byFormat } = await openDemo();
    const yoi = sessionsOf(byFormat, 'yoi');
    for (const session of yoi) {
      const report = await library.handlers['session.verify']({ ref: session.ref });
      expect(report, session.ref.id).toMatchObject({ ok: true, firstBadLine: null });
    }
    const edges = (
      await Promise.all(yoi.map((session) => library.handlers['session.lineage']({ ref: session.ref })))
    ).flatMap((graph) => graph.edges);
    expect(edges.some((edge) => edge.kind === 'fork' && edge.atLine !== null)).toBe(true);
    const traced = await Promise.all(
      yoi.map((session) => library.handlers['session.get']({ ref: session.ref })),
    );
    expect(traced.filter((detail) => detail.panels.format === 'yoi' && detail.panels.trace)).toHaveLength(1);
  });

  it('finds Japanese text in the demo by search', async () => {
    await openDemo();
    const formatsFound = async (query: string) =>
      (await library.handlers['search.query']({ query, filters: {}, limit: 50 })).groups.map(
        (group) => group.session.format,
      );
    expect(await formatsFound('障害報告')).toContain('zeroclaw');
    expect(await formatsFound('日付の境界')).toContain('yoi');
  });

  it('offers no writes, and refuses each one as unsupported without touching the copy', async () => {
    const { byFormat } = await openDemo();
    const copy = join(dir, 'appdata', 'demo');
    const copied = await fingerprint(copy);
    for (const session of [...byFormat.values()].flat()) {
      expect(Object.values(session.capabilities).some(Boolean), session.ref.id).toBe(false);
    }
    const page = await library.handlers['sessions.page']({ offset: 0, limit: 50 });
    expect(page.items.every((session) => !Object.values(session.capabilities).some(Boolean))).toBe(true);

    const refused = { code: 'unsupported', message: 'the demo library is read-only' };
    const orcs = sessionsOf(byFormat, 'orcs')[0]?.ref ?? { root: '', id: '' };
    const zeroclaw = sessionsOf(byFormat, 'zeroclaw')[0]?.ref ?? { root: '', id: '' };
    const yoi = sessionsOf(byFormat, 'yoi')[0]?.ref ?? { root: '', id: '' };
    const { handlers } = library;
    await expect(handlers['session.rename']({ ref: orcs, title: 'Mine now' })).rejects.toMatchObject(refused);
    await expect(handlers['session.rename']({ ref: yoi, title: 'Mine now' })).rejects.toMatchObject(refused);
    await expect(handlers['session.delete']({ ref: orcs })).rejects.toMatchObject(refused);
    await expect(
      handlers['session.append']({ ref: zeroclaw, message: { role: 'user', content: 'hello' } }),
    ).rejects.toMatchObject(refused);
    await expect(handlers['session.removeLast']({ ref: zeroclaw })).rejects.toMatchObject(refused);
    await expect(
      handlers['session.setState']({ ref: zeroclaw, state: 'running', turnId: null }),
    ).rejects.toMatchObject(refused);
    await expect(handlers['sessions.cleanup']({ root: zeroclaw.root, ttlHours: 1 })).rejects.toMatchObject(
      refused,
    );
    await expect(
      handlers['session.compactIntoNew']({ ref: yoi, summary: 'A summary' }),
    ).rejects.toMatchObject(refused);
    const bulk = await handlers['sessions.delete']({ refs: [orcs, zeroclaw, yoi] });
    expect(bulk.trashIds).toEqual([]);
    expect(bulk.failures.map((failure) => failure.code)).toEqual([
      'unsupported',
      'unsupported',
      'unsupported',
    ]);

    expect(await fingerprint(copy)).toBe(copied);
    expect(await handlers['trash.list']({})).toEqual([]);
    expect(await handlers['audit.list']({ limit: 10 })).toEqual([]);
  });

  it('copies the demo once, and completes a copy made before it held every format', async () => {
    await openDemo();
    await rm(join(dir, 'appdata', 'demo', 'yoi'), { recursive: true });
    const { byFormat } = await openDemo();
    expect(sessionsOf(byFormat, 'yoi')).toHaveLength(3);
    expect(await readdir(join(dir, 'appdata', 'demo'))).toEqual(['orcs', 'yoi', 'zeroclaw']);
  });
});
