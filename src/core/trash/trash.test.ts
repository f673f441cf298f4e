import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Trash } from './trash';

let dir: string;
let sessions: string;
let trash: Trash;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-trash-'));
  sessions = join(dir, 'sessions');
  await mkdir(sessions);
  trash = new Trash(join(dir, 'trash'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function trashed(name: string, text: string): Promise<string> {
  const file = join(sessions, name);
  await writeFile(file, text);
  return trash.put({
    format: 'zeroclaw',
    root: { id: 'r1', path: sessions },
    sessionId: name.replace('.jsonl', ''),
    title: name,
    files: [file],
  });
}

describe('Trash', () => {
  it('lists items newest first and leaves an unreadable record out without touching it', async () => {
    const first = await trashed('a.jsonl', 'a\n');
    const second = await trashed('b.jsonl', 'b\n');
    await mkdir(join(dir, 'trash', 'broken'));
    await writeFile(join(dir, 'trash', 'broken', 'manifest.json'), '{');

    const items = await trash.list();

    expect(items.map((item) => item.trashId).sort()).toEqual([first, second].sort());
    expect((items[0]?.deletedAt ?? '') >= (items[1]?.deletedAt ?? '')).toBe(true);
    expect(await readdir(join(dir, 'trash', 'broken'))).toEqual(['manifest.json']);
  });

  it('finishes a restore whose earlier move was killed between link and unlink', async () => {
    const trashId = await trashed('a.jsonl', 'kept\n');
    const [stored] = (await trash.read(trashId)).files;
    // The state a kill leaves: the original linked back, the trash copy not yet unlinked.
    await link(join(dir, 'trash', trashId, stored?.stored ?? ''), join(sessions, 'a.jsonl'));

    await trash.restore(trashId);

    expect(await readFile(join(sessions, 'a.jsonl'), 'utf8')).toBe('kept\n');
    expect(await trash.list()).toEqual([]);
  });

  it('purges through the given disposal, and a purge cut short is finished by the next list', async () => {
    const trashId = await trashed('a.jsonl', 'gone\n');
    const disposed: string[] = [];

    await trash.purge(trashId, async (path) => {
      disposed.push(await readFile(path, 'utf8'));
      await rm(path);
    });

    expect(disposed).toEqual(['gone\n']);
    expect(await readdir(join(dir, 'trash'))).toEqual([]);

    const cut = await trashed('b.jsonl', 'half\n');
    await expect(trash.purge(cut, () => Promise.reject(new Error('killed here')))).rejects.toThrow(
      'killed here',
    );
    expect(await readdir(join(dir, 'trash'))).toEqual([`.purging-${cut}`]);
    expect(await trash.list()).toEqual([]);
    expect(await readdir(join(dir, 'trash'))).toEqual([]);
  });
});
