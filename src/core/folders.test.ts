import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderIdSchema } from '../shared/api';
import { FolderBrowser } from './folders';

let home: string;
const noFormat = async () => null;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'sessionscope-folders-'));
  await mkdir(join(home, 'work', 'orcs'), { recursive: true });
  await mkdir(join(home, '.claude'));
  await mkdir(join(home, 'Beta'));
  await writeFile(join(home, 'notes.txt'), 'not a folder');
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('the folder browser', () => {
  it('starts at home and lists subfolders only, hidden ones included, by name', async () => {
    const listing = await new FolderBrowser(home, noFormat).browse();
    expect(listing.path).toBe(home);
    expect(listing.folders.map((folder) => folder.name)).toEqual(['.claude', 'Beta', 'work']);
    expect(listing.trail.at(-1)).toEqual({ id: listing.id, name: listing.path.split('/').at(-1) });
    expect(listing.trail[0]?.name).toBe('/');
  });

  it('goes down and up by tokens it handed out, never by paths', async () => {
    const browser = new FolderBrowser(home, noFormat);
    const top = await browser.browse();
    const work = top.folders.find((folder) => folder.name === 'work');
    if (!work) throw new Error('work is listed');
    const inside = await browser.browse(work.id);
    expect(inside.path).toBe(join(home, 'work'));
    expect(inside.folders.map((folder) => folder.name)).toEqual(['orcs']);
    expect(inside.parent?.id).toBe(top.id);
    expect((await browser.browse(inside.parent?.id)).path).toBe(home);
  });

  it('refuses a token it never made, and tokens are unguessable across browsers', async () => {
    const one = new FolderBrowser(home, noFormat);
    const other = new FolderBrowser(home, noFormat);
    const listed = await one.browse();
    await expect(other.browse(listed.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(() => other.pathOf('0'.repeat(32))).toThrow(/no longer known/);
  });

  it('never takes a path, `..`, or NUL for a folder id', () => {
    for (const bad of ['/etc', '..', '../..', 'C:\\Windows', 'a\0b', `${'a'.repeat(31)}\0`, '~', '']) {
      expect(folderIdSchema.safeParse(bad).success).toBe(false);
    }
    expect(folderIdSchema.safeParse('0123456789abcdef0123456789abcdef').success).toBe(true);
  });

  it('follows a link to a folder, and says which format a folder holds', async () => {
    await symlink(join(home, 'work', 'orcs'), join(home, 'linked'));
    const browser = new FolderBrowser(home, async (path) => (path.endsWith('linked') ? 'orcs' : null));
    const top = await browser.browse();
    const linked = top.folders.find((folder) => folder.name === 'linked');
    expect(linked).toBeDefined();
    expect(top.format).toBeNull();
    expect((await browser.browse(linked?.id)).format).toBe('orcs');
  });

  it('says clearly when a folder cannot be read', async () => {
    const browser = new FolderBrowser(home, noFormat);
    const top = await browser.browse();
    const beta = top.folders.find((folder) => folder.name === 'Beta');
    await rm(join(home, 'Beta'), { recursive: true });
    await expect(browser.browse(beta?.id)).rejects.toMatchObject({
      code: 'not_found',
      message: `the folder ${join(home, 'Beta')} does not exist`,
    });
    await writeFile(join(home, 'Beta'), 'now a file');
    await expect(browser.browse(beta?.id)).rejects.toMatchObject({ code: 'io' });
  });
});
