import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRef } from '../shared/model';
import { YoiWriter } from './formats/yoi';
import { createLibrary } from './library';
import type { Library, LibraryOptions } from './library';

const fixtures = resolve(import.meta.dirname, '..', '..', 'e2e', 'fixtures');
const ORCS_ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const ORCS_OTHER = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

let dir: string;
let orcsDir: string;
let zeroclawDir: string;
let yoiDir: string;
let yoiId: string;
let library: Library;

function open(extra: Partial<LibraryOptions> = {}): Library {
  return createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: [orcsDir, zeroclawDir, yoiDir],
    resourcesDir: join(dir, 'resources'),
    host: 'cli',
    version: 'test',
    ...extra,
  });
}

const sha256 = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function refOf(id: string): Promise<SessionRef> {
  const found = (await library.handlers['sessions.list']({})).find((s) => s.ref.id === id);
  if (!found) throw new Error(`no session ${id} in the list`);
  return found.ref;
}

const listed = async (id: string): Promise<boolean> =>
  (await library.handlers['sessions.list']({})).some((s) => s.ref.id === id);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-history-'));
  orcsDir = join(dir, 'orcs');
  zeroclawDir = join(dir, 'zeroclaw');
  yoiDir = join(dir, 'yoi');
  await cp(join(fixtures, 'orcs-basic'), orcsDir, { recursive: true });
  await cp(join(fixtures, 'zeroclaw-e2e'), zeroclawDir, { recursive: true });
  await mkdir(yoiDir);
  const writer = new YoiWriter(yoiDir);
  const session = await writer.createSession({ systemPrompt: 'You are helpful.' });
  await writer.saveDelta(session, [
    { type: 'message', role: 'user', content: [{ type: 'text', text: 'hi' }] },
  ]);
  yoiId = session.id;
  library = open();
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('undo reverses the last write of every kind', () => {
  it('undoes a rename, byte for byte where the format keeps the name in the file', async () => {
    const ref = await refOf(ORCS_ID);
    const before = (await library.handlers['session.get']({ ref })).summary.title;
    const { undoId } = await library.handlers['session.rename']({ ref, title: 'A new name' });
    expect(undoId).not.toBeNull();

    const result = await library.handlers['undo.last']({});

    expect(result.message).toBe(`Renamed back to “${before}”`);
    expect(result.summaries[0]?.title).toBe(before);
    expect(result.undone).toMatchObject({ id: undoId, operation: 'rename', undoable: false });
    expect(result.undone.undoneBy).not.toBeNull();
  });

  it('takes an app name away again, and refuses to undo a rename that a later rename replaced', async () => {
    const ref = await refOf(yoiId);
    const first = await library.handlers['session.rename']({ ref, title: 'First' });
    await library.handlers['session.rename']({ ref, title: 'Second' });

    await expect(library.handlers['undo.apply']({ undoId: first.undoId ?? '' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await library.handlers['undo.last']({})).summaries[0]?.title).toBe('First');
    const result = await library.handlers['undo.last']({});
    expect(result.message).toBe('Took the name “First” away');
    expect(result.summaries[0]).toMatchObject({ title: yoiId, untitled: true });
  });

  it('undoes a delete, then a restore, walking further back on each undo', async () => {
    const ref = await refOf(ORCS_ID);
    const file = join(orcsDir, `${ORCS_ID}.json`);
    const bytes = await sha256(file);
    const deleted = await library.handlers['session.delete']({ ref });
    const [item] = await library.handlers['trash.list']({});
    expect(item).toMatchObject({
      trashId: deleted.trashId,
      sessionId: ORCS_ID,
      files: [file],
      state: 'trashed',
    });
    expect(Date.parse(item?.expiresAt ?? '') - Date.parse(item?.deletedAt ?? '')).toBe(30 * 86_400_000);

    await library.handlers['trash.restore']({ trashId: deleted.trashId });
    expect(await sha256(file)).toBe(bytes);

    expect((await library.handlers['undo.last']({})).message).toMatch(/^Moved “.*” to the trash$/);
    expect(await listed(ORCS_ID)).toBe(false);
    // The delete's own trash item was restored; its undo finds the session's newer one.
    expect((await library.handlers['undo.last']({})).message).toMatch(/^Restored “/);
    expect(await listed(ORCS_ID)).toBe(true);
    expect(await sha256(file)).toBe(bytes);
    expect(await library.handlers['trash.list']({})).toEqual([]);
    await expect(library.handlers['undo.last']({})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('undoes a bulk delete across formats in one step', async () => {
    const refs = [await refOf(ORCS_ID), await refOf(ORCS_OTHER), await refOf('cli_dave')];
    const result = await library.handlers['sessions.delete']({ refs });
    expect(result.trashIds).toHaveLength(3);
    expect(result.failures).toEqual([]);
    expect(await readdir(zeroclawDir)).not.toContain('cli_dave.jsonl');

    const undone = await library.handlers['undo.apply']({ undoId: result.undoId ?? '' });

    expect(undone.message).toBe('Restored 3 sessions');
    expect(undone.summaries.map((s) => s.ref.id).sort()).toEqual([ORCS_ID, ORCS_OTHER, 'cli_dave'].sort());
    expect(await readdir(zeroclawDir)).toContain('cli_dave.jsonl');
  });

  it('undoes an append and a run state, and a fork by moving the new session to the trash', async () => {
    const ref = await refOf('cli_dave');
    const file = join(zeroclawDir, 'cli_dave.jsonl');
    const bytes = await sha256(file);
    await library.handlers['session.append']({ ref, message: { role: 'user', content: 'one more' } });
    await library.handlers['session.setState']({ ref, state: 'running', turnId: 't1' });

    expect((await library.handlers['undo.last']({})).summaries[0]?.state?.state ?? 'idle').toBe('idle');
    expect((await library.handlers['undo.last']({})).message).toBe(
      `Took the added message out of “${'cli_dave'}”`,
    );
    expect(await sha256(file)).toBe(bytes);

    const yoi = await refOf(yoiId);
    const { headHash } = await library.handlers['session.verify']({ ref: yoi });
    const { summary: fork } = await library.handlers['session.forkAt']({ ref: yoi, atHash: headHash ?? '' });
    expect(await listed(fork.ref.id)).toBe(true);
    expect((await library.handlers['undo.last']({})).message).toMatch(/to the trash$/);
    expect(await listed(fork.ref.id)).toBe(false);
    expect((await library.handlers['trash.list']({})).map((item) => item.sessionId)).toEqual([fork.ref.id]);
  });
});

describe('the audit log', () => {
  it('records each write with the hashes of its files before and after', async () => {
    const ref = await refOf('cli_dave');
    const file = join(zeroclawDir, 'cli_dave.jsonl');
    const before = await sha256(file);
    const { undoId } = await library.handlers['session.append']({
      ref,
      message: { role: 'user', content: 'logged' },
    });
    const after = await sha256(file);
    await library.handlers['session.delete']({ ref });

    const [deleted, appended] = await library.handlers['audit.list']({ limit: 500 });

    expect(appended).toMatchObject({
      id: undoId,
      operation: 'append',
      status: 'done',
      undoable: true,
      sessions: [{ ref, format: 'zeroclaw' }],
      files: [{ path: file, sha256Before: before, sha256After: after }],
    });
    expect(deleted).toMatchObject({
      operation: 'delete',
      files: [{ path: file, sha256Before: after, sha256After: null }],
    });
    const lines = (await readFile(join(dir, 'appdata', 'audit.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { phase: string }).phase)).toEqual([
      'begin',
      'end',
      'begin',
      'end',
    ]);
  });

  it('keeps a failed write on record as failed, and one cut short as interrupted', async () => {
    const ref = await refOf(ORCS_ID);
    await writeFile(join(orcsDir, `${ORCS_ID}.json`), '{ torn');
    await expect(library.handlers['session.rename']({ ref, title: 'Nope' })).rejects.toThrow();
    const log = join(dir, 'appdata', 'audit.jsonl');
    const begin = {
      version: 1,
      phase: 'begin',
      id: 'cut-short',
      time: new Date().toISOString(),
      operation: 'compact',
      sessions: [],
      files: [{ file: '/x', sha256Before: 'ab' }],
      undoes: null,
    };
    await writeFile(log, `${await readFile(log, 'utf8')}${JSON.stringify(begin)}\n{"torn`);

    const [interrupted, failed] = await library.handlers['audit.list']({ limit: 500 });

    expect(interrupted).toMatchObject({ id: 'cut-short', status: 'interrupted', undoable: false });
    expect(failed).toMatchObject({ operation: 'rename', status: 'failed', undoable: false });
    expect(failed?.error).toMatch(/damaged/);
    await expect(library.handlers['undo.last']({})).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the trash', () => {
  it('restores several items at once, and reports a taken path as a conflict without overwriting', async () => {
    const a = await library.handlers['session.delete']({ ref: await refOf(ORCS_ID) });
    const b = await library.handlers['session.delete']({ ref: await refOf(ORCS_OTHER) });
    const taken = join(orcsDir, `${ORCS_OTHER}.json`);
    await writeFile(taken, 'someone else');

    const result = await library.handlers['trash.restoreMany']({ trashIds: [a.trashId, b.trashId] });

    expect(result.summaries.map((s) => s.ref.id)).toEqual([ORCS_ID]);
    expect(result.failures).toEqual([
      { trashId: b.trashId, code: 'conflict', message: expect.stringMatching(/exists again/) },
    ]);
    expect(await readFile(taken, 'utf8')).toBe('someone else');
    expect((await library.handlers['trash.list']({})).map((item) => item.trashId)).toEqual([b.trashId]);
    await expect(library.handlers['trash.restore']({ trashId: b.trashId })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('purges for good, through the host’s system trash where it has one, and cannot undo that', async () => {
    await library.close();
    const systemTrash = join(dir, 'system-trash');
    await mkdir(systemTrash);
    library = open({
      discard: async (path) => {
        await cp(path, join(systemTrash, 'kept'));
        await rm(path);
      },
    });
    const file = join(orcsDir, `${ORCS_ID}.json`);
    const bytes = await readFile(file);
    const { trashId } = await library.handlers['session.delete']({ ref: await refOf(ORCS_ID) });

    const result = await library.handlers['trash.purge']({ trashIds: [trashId] });

    expect(result).toEqual({ purged: [trashId], method: 'os-trash', failures: [] });
    expect(await readFile(join(systemTrash, 'kept'))).toEqual(bytes);
    expect(await library.handlers['trash.list']({})).toEqual([]);
    expect(await readdir(join(dir, 'appdata', 'trash'))).toEqual([]);
    const [purge, deleted] = await library.handlers['audit.list']({ limit: 500 });
    expect(purge).toMatchObject({ operation: 'purge', undoable: false, detail: 'moved to the system trash' });
    // The delete's undo has nothing left to restore.
    await expect(library.handlers['undo.apply']({ undoId: deleted?.id ?? '' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('purges items older than the retention setting when the trash is listed', async () => {
    const old = await library.handlers['session.delete']({ ref: await refOf(ORCS_ID) });
    const fresh = await library.handlers['session.delete']({ ref: await refOf(ORCS_OTHER) });
    await writeFile(
      join(dir, 'appdata', 'settings.json'),
      JSON.stringify({ version: 1, trashRetentionDays: 7 }),
    );
    const manifest = join(dir, 'appdata', 'trash', old.trashId, 'manifest.json');
    const record = JSON.parse(await readFile(manifest, 'utf8')) as { deletedAt: string };
    record.deletedAt = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await writeFile(manifest, JSON.stringify(record));

    const items = await library.handlers['trash.list']({});

    expect(items.map((item) => item.trashId)).toEqual([fresh.trashId]);
    expect(Date.parse(items[0]?.expiresAt ?? '') - Date.parse(items[0]?.deletedAt ?? '')).toBe(
      7 * 86_400_000,
    );
    const [expired] = await library.handlers['audit.list']({ limit: 500 });
    expect(expired).toMatchObject({ operation: 'expire', sessions: [{ ref: { id: ORCS_ID } }] });
  });
});
