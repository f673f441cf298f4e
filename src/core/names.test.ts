import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NameBook } from './names';
import { rootId } from './roots';

const ID = '0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ROOT = '/home/u/.insomnia/sessions';
const session = { format: 'yoi' as const, root: ROOT, id: ID };

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-names-'));
});

const nameOf = async (book: NameBook, format: 'yoi' | 'orcs' = 'yoi', root = ROOT, id = ID) =>
  (await book.lookup())(format, rootId(root), id);

describe('NameBook', () => {
  it('keeps a name in names.json of the app-data directory, found by root id', async () => {
    const book = new NameBook(dir);
    expect(await book.set(session, '  Weather check  ')).toBe('Weather check');
    expect(await nameOf(book)).toBe('Weather check');
    expect(JSON.parse(await readFile(join(dir, 'names.json'), 'utf8'))).toEqual({
      version: 1,
      names: [{ ...session, title: 'Weather check' }],
    });
  });

  it('is read again by a new instance on the same directory', async () => {
    await new NameBook(dir).set(session, 'Kept');
    expect(await nameOf(new NameBook(dir))).toBe('Kept');
  });

  it('names a session by format, root and id, and a second name replaces the first', async () => {
    const book = new NameBook(dir);
    await book.set(session, 'First');
    await book.set(session, 'Second');
    expect(await nameOf(book)).toBe('Second');
    expect(await nameOf(book, 'orcs')).toBeUndefined();
    expect(await nameOf(book, 'yoi', '/elsewhere')).toBeUndefined();
    expect(await nameOf(book, 'yoi', ROOT, '0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c')).toBeUndefined();
  });

  it('forgets the name for an empty or blank title', async () => {
    const book = new NameBook(dir);
    await book.set(session, 'Named');
    expect(await book.set(session, '   ')).toBeNull();
    expect(await nameOf(book)).toBeUndefined();
    await book.set(session, 'Named again');
    expect(await book.set(session, '')).toBeNull();
    expect(await nameOf(book)).toBeUndefined();
  });

  it('refuses the titles the rename contract refuses, and keeps the old name', async () => {
    const book = new NameBook(dir);
    await book.set(session, 'Good');
    await expect(book.set(session, 'bad\u0007bell')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'a name cannot contain control characters',
    });
    await expect(book.set(session, 'x'.repeat(201))).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await nameOf(book)).toBe('Good');
  });

  it('loses none of several names set at once', async () => {
    const book = new NameBook(dir);
    const ids = Array.from({ length: 8 }, (_, i) => `0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a${10 + i}`);
    await Promise.all(ids.map((id, i) => book.set({ ...session, id }, `Name ${i}`)));
    const lookup = await book.lookup();
    expect(ids.map((id) => lookup('yoi', rootId(ROOT), id))).toEqual(ids.map((_, i) => `Name ${i}`));
  });

  it('moves an unreadable names.json aside instead of writing over it', async () => {
    await writeFile(join(dir, 'names.json'), '{ hand edit gone wrong');
    const book = new NameBook(dir);
    expect(await nameOf(book)).toBeUndefined();
    await book.set(session, 'Fresh');
    const aside = (await readdir(dir)).filter((name) => name.startsWith('names.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] ?? ''), 'utf8')).toBe('{ hand edit gone wrong');
    expect(await nameOf(book)).toBe('Fresh');
  });
});
