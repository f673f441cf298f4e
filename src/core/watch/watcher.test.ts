import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../formats/orcs/atomic';
import { tempPath } from '../formats/orcs/id';
import { rewriteFile } from '../jsonl';
import { recordedWatcher, tempDir } from './testkit';
import type { Recorder } from './testkit';
import type { LibraryWatcher } from './watcher';

const ORCS_ID = '550e8400-e29b-41d4-a716-446655440000';
const YOI_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

let dir: string;
let cleanup: () => Promise<void>;
let recorder: Recorder;
let watcher: LibraryWatcher;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ recorder, watcher } = recordedWatcher());
});
afterEach(async () => {
  await watcher.close();
  await cleanup();
});

/** Writes a session file and waits for its report, by when every earlier event has been seen too. */
async function settle(root: string, extension: '.json' | '.jsonl'): Promise<void> {
  const marker = join(root, `zz_marker_${recorder.batches.length}${extension}`);
  const skip = recorder.batches.length;
  await writeFile(marker, '{}');
  await recorder.fileEvent(marker, 'add', skip);
}

function reportedPaths(): string[] {
  return recorder.files().map((file) => file.path);
}

describe('LibraryWatcher on an ORCS folder', () => {
  it('reports a session added, replaced by ORCS’s temp-and-rename, and removed, and never the temp file', async () => {
    const root = join(dir, 'sessions');
    await mkdir(root);
    await watcher.setRoots([{ id: 'o', path: root, format: 'orcs' }]);
    const file = join(root, `${ORCS_ID}.json`);

    await writeFile(file, '{"id":"one"}\n');
    expect(await recorder.fileEvent(file, 'add')).toEqual({
      path: file,
      event: 'add',
      role: 'main',
      session: ORCS_ID,
    });

    const afterAdd = recorder.batches.length;
    let tempWritten = false;
    await writeAtomically({
      path: file,
      tempPath: tempPath(root, ORCS_ID),
      text: '{"id":"two"}\n',
      stillValid: async () => (tempWritten = existsSync(tempPath(root, ORCS_ID))),
    });
    expect(tempWritten).toBe(true);
    await recorder.fileEvent(file, 'change', afterAdd);
    await settle(root, '.json');
    const later = recorder.batches
      .slice(afterAdd)
      .flatMap(({ batch }) => batch.roots.flatMap((r) => r.files));
    expect(later.filter((f) => f.path === file).map((f) => f.event)).toEqual(['change']);
    expect(reportedPaths().filter((path) => path.endsWith('.tmp'))).toEqual([]);

    await rm(file);
    expect((await recorder.fileEvent(file, 'unlink')).session).toBe(ORCS_ID);
  });

  it('sends many files written at once in a few messages, at least 100 ms apart', async () => {
    const root = join(dir, 'sessions');
    await mkdir(root);
    await watcher.setRoots([{ id: 'o', path: root, format: 'orcs' }]);
    const names = Array.from({ length: 60 }, (_, i) => join(root, `s-${i}.json`));
    await Promise.all(names.map((name) => writeFile(name, '{}')));
    await recorder.until('every file', () => names.every((name) => reportedPaths().includes(name)));

    expect(recorder.batches.length).toBeLessThan(names.length / 4);
    const times = recorder.batches.map(({ at }) => at);
    // Timers may fire up to a millisecond early by the high-resolution clock.
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThan(99);
    const perMessage = recorder.batches.map(({ batch }) =>
      batch.roots.flatMap((r) => r.files.map((f) => f.path)),
    );
    for (const paths of perMessage) expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('LibraryWatcher on a ZeroClaw folder', () => {
  it('reports appends, our JSONL rewrite and a migration, never a temp file', async () => {
    const root = join(dir, 'workspace', 'sessions');
    await mkdir(root, { recursive: true });
    await watcher.setRoots([{ id: 'z', path: root, format: 'zeroclaw' }]);
    const file = join(root, 'telegram_42_alice.jsonl');

    await appendFile(file, '{"role":"user","content":"hi"}\n');
    expect(await recorder.fileEvent(file, 'add')).toEqual({
      path: file,
      event: 'add',
      role: 'main',
      session: 'telegram_42_alice',
    });

    let skip = recorder.batches.length;
    await appendFile(file, '{"role":"assistant","content":"hello"}\n');
    await recorder.fileEvent(file, 'change', skip);

    skip = recorder.batches.length;
    let temps: string[] = [];
    await rewriteFile(
      file,
      async () => ({ pieces: [{ bytes: Buffer.from('{"role":"user","content":"hi"}\n') }] }),
      {
        beforeRename: async () => {
          temps = (await readdir(root)).filter((name) => name.startsWith('.tmp'));
        },
      },
    );
    expect(temps).toHaveLength(1);
    await recorder.fileEvent(file, 'change', skip);

    await rename(file, `${file}.migrated`);
    await recorder.fileEvent(file, 'unlink');
    await settle(root, '.jsonl');
    expect(reportedPaths().filter((path) => /\.tmp|\.migrated$/.test(path))).toEqual([]);
  });

  it('reports a commit to sessions.db held open in WAL mode as a change of sessions.db, and no SQLite side file', async () => {
    const root = join(dir, 'workspace', 'sessions');
    await mkdir(root, { recursive: true });
    await watcher.setRoots([{ id: 'z', path: root, format: 'zeroclaw' }]);
    const dbFile = join(root, 'sessions.db');

    // As ZeroClaw's SqliteSessionBackend does: one connection, kept open, in WAL mode.
    const db = new DatabaseSync(dbFile);
    try {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('CREATE TABLE session_metadata (session_key TEXT PRIMARY KEY, name TEXT)');
      await recorder.fileEvent(dbFile, 'add');
      const before = await stat(dbFile);

      const skip = recorder.batches.length;
      db.prepare('INSERT INTO session_metadata VALUES (?, ?)').run('telegram_42_alice', 'Alice');
      expect(await recorder.fileEvent(dbFile, 'change', skip)).toEqual({
        path: dbFile,
        event: 'change',
        role: 'shared',
        session: null,
      });
      // The commit went to the -wal file only: the report came from there.
      const after = await stat(dbFile);
      expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
      expect(existsSync(`${dbFile}-wal`)).toBe(true);
    } finally {
      db.close();
    }
    await settle(root, '.jsonl');
    expect(reportedPaths().filter((path) => /-(wal|shm|journal)$/.test(path))).toEqual([]);
  });
});

describe('LibraryWatcher on a yoi folder', () => {
  it('reports logs and their traces, and nothing the store would not list', async () => {
    const root = join(dir, '.insomnia', 'sessions');
    await mkdir(root, { recursive: true });
    await watcher.setRoots([{ id: 'y', path: root, format: 'yoi' }]);
    const log = join(root, `${YOI_ID}.jsonl`);
    const trace = join(root, `${YOI_ID}.trace.jsonl`);

    await appendFile(log, '{"hash":"a"}\n');
    expect(await recorder.fileEvent(log, 'add')).toMatchObject({ role: 'main', session: YOI_ID });
    const skip = recorder.batches.length;
    await appendFile(log, '{"hash":"b"}\n');
    await recorder.fileEvent(log, 'change', skip);
    await appendFile(trace, '{"ts":1}\n');
    expect(await recorder.fileEvent(trace, 'add')).toMatchObject({ role: 'companion', session: YOI_ID });

    const stray = join(root, 'notes.jsonl');
    await writeFile(stray, '{}\n');
    await mkdir(join(root, `${YOI_ID.slice(0, -1)}0.jsonl`));
    await writeFile(join(root, '.tmpQw3rty'), '');
    await rm(log);
    await recorder.fileEvent(log, 'unlink');
    const marker = join(root, '0190a1b2-c3d4-7e5f-8a9b-ffffffffffff.jsonl');
    await writeFile(marker, '');
    await recorder.fileEvent(marker, 'add');
    expect(new Set(reportedPaths())).toEqual(new Set([log, trace, marker]));
  });
});

describe('LibraryWatcher.close', () => {
  it('closes every chokidar watcher and leaves no watch, timer or listener behind', async () => {
    const watchHandles = (): number =>
      process.getActiveResourcesInfo().filter((name) => name === 'FSEventWrap' || name === 'StatWatcher')
        .length;
    const baseline = watchHandles();
    const roots = ['a', 'b', 'missing/c'].map((name) => join(dir, name));
    await mkdir(roots[0] ?? '');
    await mkdir(roots[1] ?? '');
    await writeFile(join(roots[0] ?? '', 'x.json'), '{}');
    await watcher.setRoots(roots.map((path, i) => ({ id: `r${i}`, path, format: 'orcs' as const })));
    expect(watchHandles()).toBeGreaterThan(baseline);
    await writeFile(join(roots[1] ?? '', 'y.json'), '{}');

    await watcher.close();
    expect(recorder.made.length).toBe(3);
    for (const { watcher: made } of recorder.made) {
      expect(made.closed).toBe(true);
      expect(made.getWatched()).toEqual({});
      expect(made.listenerCount('all')).toBe(0);
    }
    // Node lets go of a closed watch handle on a later turn of the event loop.
    await recorder.until('the watch handles to go', () => watchHandles() === baseline || null, true);
    expect(watcher.status().roots).toEqual([]);
    await watcher.setRoots([{ id: 'late', path: dir, format: 'orcs' }]);
    expect(recorder.made.length).toBe(3);
  });

  it('closes cleanly while roots are still being armed', async () => {
    await mkdir(join(dir, 'a'));
    const arming = watcher.setRoots([
      { id: 'a', path: join(dir, 'a'), format: 'orcs' },
      { id: 'b', path: join(dir, 'not', 'yet'), format: 'yoi' },
    ]);
    await watcher.close();
    await arming;
    for (const { watcher: made } of recorder.made) expect(made.closed).toBe(true);
    expect(recorder.batches).toEqual([]);
  });
});
