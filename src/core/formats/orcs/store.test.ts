import { chmod, mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parseAsset } from './asset';
import { OrcsStorageError, fromFsError } from './errors';
import { isSessionId } from './id';
import { serializeAsset } from './serialize';
import { LocalFileStore } from './store';
import { newAsset, userTurn, withTempDir } from './testkit';

const ID = '550e8400-e29b-41d4-a716-446655440000';

async function expectError(promise: Promise<unknown>, code: AppError['code'], kind?: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (kind) expect((error as OrcsStorageError).kind).toBe(kind);
}

const HOSTILE_IDS = [
  '../x',
  '/etc/passwd',
  'a/b',
  'a\\b',
  '..',
  '.hidden',
  'a\u0000b',
  'C:\\x',
  'C:x',
  '%2e%2e',
  '%2e%2e%2fetc',
  '',
  ' ',
  'a..b',
  'x'.repeat(129),
  'con',
  'NUL.txt',
  'a\nb',
];

describe('session ids', () => {
  it.each(HOSTILE_IDS)('refuses %j', (id) => expect(isSessionId(id)).toBe(false));

  it.each([ID, 'abc', 'Session_1.bak', 'x'.repeat(128), 'セッション', 'console'])('accepts %j', (id) =>
    expect(isSessionId(id)).toBe(true),
  );

  it('refuses hostile ids in every operation before touching the disk', async () => {
    await withTempDir(async (dir) => {
      const root = join(dir, 'sessions');
      const store = new LocalFileStore(root);
      for (const id of HOSTILE_IDS) {
        await expectError(store.load(id), 'invalid_input', 'InvalidPath');
        await expectError(store.delete(id), 'invalid_input', 'InvalidPath');
        await expectError(store.exists(id), 'invalid_input', 'InvalidPath');
        await expectError(store.rename(id, 'x'), 'invalid_input', 'InvalidPath');
        await expectError(store.digest(id), 'invalid_input', 'InvalidPath');
        await expectError(store.save(newAsset(id)), 'invalid_input', 'InvalidPath');
      }
      expect(await readdir(dir)).toEqual([]);
    });
  });
});

describe('LocalFileStore: the SessionStore operations', () => {
  it('saves as `<id>.json` with exactly the serializer bytes, through ORCS temp name, and loads it back', async () => {
    await withTempDir(async (dir) => {
      const root = join(dir, 'nested', 'sessions');
      const store = new LocalFileStore(root);
      const asset = newAsset(ID);
      asset.history.turns = [userTurn('t1', 'hello')];
      await store.save(asset);
      expect(await readdir(root)).toEqual([`${ID}.json`]);
      expect(await readFile(join(root, `${ID}.json`), 'utf8')).toBe(serializeAsset(asset));
      expect(await store.load(ID)).toEqual(asset);
      expect(await store.exists(ID)).toBe(true);
    });
  });

  it('does not create the folder until something is saved', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(join(dir, 'sessions'));
      expect(await store.exists(ID)).toBe(false);
      await expectError(store.list(), 'not_found', 'NotFound');
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('maps a missing session to not_found and a damaged one to corrupt', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(dir);
      await expectError(store.load(ID), 'not_found', 'NotFound');
      await expectError(store.delete(ID), 'not_found', 'NotFound');
      await writeFile(join(dir, `${ID}.json`), '{"id": ');
      await expectError(store.load(ID), 'corrupt', 'Serialization');
    });
  });

  it('deletes a session file and nothing else', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(dir);
      await store.save(newAsset(ID));
      await store.save(newAsset('other'));
      await store.delete(ID);
      expect(await store.exists(ID)).toBe(false);
      expect(await readdir(dir)).toEqual(['other.json']);
    });
  });

  it('is always offline and LocalOnly', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(dir);
      expect(store.syncStatus()).toEqual({
        mode: 'Offline',
        last_sync: null,
        pending_uploads: 0,
        pending_downloads: 0,
        conflicts: [],
      });
      await store.save(newAsset(ID));
      expect((await store.list())[0]?.sync_state).toBe('LocalOnly');
    });
  });

  it('lists newest first, lists damaged files with the reason, and ignores what ORCS ignores', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(dir);
      const older = newAsset('older', 1000n);
      older.project_context.name = 'Older';
      const newer = newAsset('newer', 2000n);
      newer.history.turns = [userTurn('t', 'hi'), userTurn('u', 'there')];
      newer.project_context.root_path = '/w';
      await store.save(older);
      await store.save(newer);
      await writeFile(join(dir, 'broken.json'), '{"id": "broken", ');
      await writeFile(join(dir, 'empty.json'), '');
      await writeFile(join(dir, 'bom.json'), `\ufeff${serializeAsset(newAsset('bom'))}`);
      await writeFile(join(dir, 'shape.json'), '{"id": "shape"}');
      await writeFile(join(dir, `.${ID}.json.tmp`), serializeAsset(newAsset(ID)));
      await writeFile(join(dir, '.hidden.json'), serializeAsset(newAsset('hidden')));
      await writeFile(join(dir, 'notes.txt'), 'not a session');
      await writeFile(join(dir, 'upper.JSON'), serializeAsset(newAsset('upper')));
      await writeFile(join(dir, 'has space.json'), serializeAsset(newAsset('space')));
      await mkdir(join(dir, 'folder.json'));

      const list = await store.list();
      expect(list.map((m) => m.id)).toEqual(['newer', 'older', 'bom', 'broken', 'empty', 'shape']);
      expect(list[0]).toEqual({
        id: 'newer',
        name: null,
        created_at: '1970-01-01T00:00:02.000Z',
        updated_at: '1970-01-01T00:00:02.000Z',
        project_path: '/w',
        turn_count: 2,
        sync_state: 'LocalOnly',
        damaged: null,
      });
      const reasons = Object.fromEntries(list.map((m) => [m.id, m.damaged]));
      expect(reasons.bom).toMatch(/byte-order mark/);
      expect(reasons.broken).toMatch(/not valid JSON: EOF while parsing/);
      expect(reasons.empty).toBe('the file is empty');
      expect(reasons.shape).toBe('missing field `version`');
    });
  });

  it('lists a link that leaves the folder as damaged and refuses to read it', async () => {
    await withTempDir(async (dir) => {
      const root = join(dir, 'sessions');
      await mkdir(root);
      await writeFile(join(dir, 'secret.json'), serializeAsset(newAsset('secret')));
      await symlink(join(dir, 'secret.json'), join(root, 'secret.json'));
      const store = new LocalFileStore(root);
      expect((await store.list()).map((m) => [m.id, m.damaged])).toEqual([
        ['secret', 'session secret links outside the sessions folder'],
      ]);
      await expectError(store.load('secret'), 'invalid_input', 'InvalidPath');
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read as PermissionDenied (io)', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(dir);
      await store.save(newAsset(ID));
      await chmod(join(dir, `${ID}.json`), 0o000);
      await expectError(store.load(ID), 'io', 'PermissionDenied');
      expect((await store.list())[0]?.damaged).toMatch(/permission denied/);
    });
  });

  it('maps file-system errors to the StorageError ORCS would raise', () => {
    const fsError = (code: string): Error => Object.assign(new Error(`${code}: boom`), { code });
    expect(fromFsError(fsError('ENOENT'), 'x')).toMatchObject({ kind: 'NotFound', code: 'not_found' });
    expect(fromFsError(fsError('EACCES'), 'x')).toMatchObject({ kind: 'PermissionDenied', code: 'io' });
    expect(fromFsError(fsError('EPERM'), 'x')).toMatchObject({ kind: 'PermissionDenied', code: 'io' });
    expect(fromFsError(fsError('EIO'), 'x')).toMatchObject({
      kind: 'Io',
      code: 'io',
      message: 'x: EIO: boom',
    });
    const conflict = new OrcsStorageError('Conflict', 'c');
    expect(fromFsError(conflict, 'x')).toBe(conflict);
    expect(conflict.code).toBe('conflict');
  });

  it('reuses the parsed asset while the file is unchanged, and re-reads it once it changes', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(dir);
      await store.save(newAsset(ID));
      const first = await store.session(ID);
      expect((await store.session(ID)).asset).toBe(first.asset);
      const changed = newAsset(ID);
      changed.history.turns = [userTurn('t', 'new')];
      await store.save(changed);
      const second = await store.session(ID);
      expect(second.asset).not.toBe(first.asset);
      expect(second.digest.turnCount).toBe(1);
    });
  });
});

describe('LocalFileStore.rename', () => {
  const setup = async (dir: string): Promise<{ store: LocalFileStore; path: string; before: string }> => {
    const store = new LocalFileStore(dir, { now: () => 1767300000123 });
    const asset = newAsset(ID);
    asset.project_context.name = 'before';
    asset.history.turns = [userTurn('t1', 'hi')];
    await store.save(asset);
    const path = join(dir, `${ID}.json`);
    return { store, path, before: await readFile(path, 'utf8') };
  };

  it('rewrites only the name and updated_at_ms, keeps the file mode, and leaves no temp file', async () => {
    await withTempDir(async (dir) => {
      const { store, path, before } = await setup(dir);
      await chmod(path, 0o600);
      const digest = await store.rename(ID, 'after');
      const after = await readFile(path, 'utf8');
      expect(after).toBe(
        before
          .replace('"name": "before"', '"name": "after"')
          .replace(/"updated_at_ms": \d+/, '"updated_at_ms": 1767300000123'),
      );
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readdir(dir)).toEqual([`${ID}.json`]);
      expect(digest.name).toBe('after');
      expect(digest.updatedAtMs).toBe(1767300000123n);
      expect((await store.digest(ID)).name).toBe('after');
    });
  });

  it('refuses to rewrite a damaged file', async () => {
    await withTempDir(async (dir) => {
      const store = new LocalFileStore(dir);
      const path = join(dir, `${ID}.json`);
      await writeFile(path, '{"id": "x"');
      await expectError(store.rename(ID, 'x'), 'corrupt', 'Serialization');
      expect(await readFile(path, 'utf8')).toBe('{"id": "x"');
    });
  });

  it('notices a write that lands between its read and its rename, and redoes the edit on top of it', async () => {
    await withTempDir(async (dir) => {
      let theirs = '';
      let writes = 0;
      const store = new LocalFileStore(dir, {
        now: () => 1767300000123,
        beforeCommit: async () => {
          if (writes++ > 0) return;
          const asset = parseAsset(await readFile(join(dir, `${ID}.json`), 'utf8'));
          asset.history.turns.push(userTurn('t2', 'their turn'));
          theirs = serializeAsset(asset);
          await writeFile(join(dir, `${ID}.json`), theirs);
        },
      });
      await store.save({
        ...newAsset(ID),
        project_context: { ...newAsset(ID).project_context, name: 'before' },
      });
      await store.rename(ID, 'after');
      const after = parseAsset(await readFile(join(dir, `${ID}.json`), 'utf8'));
      expect(after.history.turns.map((t) => t.content)).toEqual(['their turn']);
      expect(after.project_context.name).toBe('after');
      expect(writes).toBe(2);
      expect(theirs).not.toBe('');
    });
  });

  it('gives up with a conflict, without overwriting, when the file keeps changing', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, `${ID}.json`);
      let last = '';
      let round = 0;
      const store = new LocalFileStore(dir, {
        beforeCommit: async () => {
          const asset = newAsset(ID);
          asset.history.turns = [userTurn(`t${round}`, `edit ${round++}`)];
          last = serializeAsset(asset);
          await writeFile(path, last);
        },
      });
      await store.save(newAsset(ID));
      await expectError(store.rename(ID, 'mine'), 'conflict', 'Conflict');
      expect(await readFile(path, 'utf8')).toBe(last);
      expect(await readdir(dir)).toEqual([`${ID}.json`]);
    });
  });

  it('waits for a save in progress (a fresh temp file) but replaces a stale one', async () => {
    await withTempDir(async (dir) => {
      const { store } = await setup(dir);
      const temp = join(dir, `.${ID}.json.tmp`);
      await writeFile(temp, 'ORCS is writing');
      await expectError(store.rename(ID, 'x'), 'conflict', 'Conflict');
      expect(await readFile(temp, 'utf8')).toBe('ORCS is writing');
      const anHourAgo = new Date(Date.now() - 3_600_000);
      await utimes(temp, anHourAgo, anHourAgo);
      await store.rename(ID, 'x');
      expect(await readdir(dir)).toEqual([`${ID}.json`]);
    });
  });

  it('refuses a name a Rust String cannot hold', async () => {
    await withTempDir(async (dir) => {
      const { store, path, before } = await setup(dir);
      await expectError(store.rename(ID, 'bad \ud800'), 'invalid_input');
      expect(await readFile(path, 'utf8')).toBe(before);
    });
  });
});
