import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolderListing } from '../shared/api';
import { createLibrary } from './library';
import type { Library, LibraryOptions } from './library';

const basic = resolve(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'orcs-basic');

let dir: string;
let home: string;
let library: Library;

function open(extra: Partial<LibraryOptions> = {}): Library {
  return createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home, vars: {} },
    resourcesDir: join(dir, 'resources'),
    host: 'browser',
    version: 'test',
    ...extra,
  });
}

/** Browses from home down the named folders, as a person clicks through the dialog. */
async function browseTo(...names: string[]): Promise<FolderListing> {
  let listing = await library.handlers['folders.browse']({});
  for (const name of names) {
    const next = listing.folders.find((folder) => folder.name === name);
    if (!next) throw new Error(`${name} is not listed in ${listing.path}`);
    listing = await library.handlers['folders.browse']({ folder: next.id });
  }
  return listing;
}

async function settingsFile(): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, 'appdata', 'settings.json'), 'utf8'));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-roots-'));
  home = join(dir, 'home');
  await mkdir(join(home, 'work'), { recursive: true });
  await cp(basic, join(home, '.orcs', 'sessions'), { recursive: true });
  await cp(basic, join(home, 'work', 'orcs'), { recursive: true });
  library = open();
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('managing roots', () => {
  it('adds a browsed folder as a root of its detected format, kept in settings.json', async () => {
    const folder = await browseTo('work', 'orcs');
    expect(folder.format).toBe('orcs');
    const added = await library.handlers['roots.add']({ folder: folder.id });
    expect(added).toMatchObject({
      path: join(home, 'work', 'orcs'),
      format: 'orcs',
      origin: 'added',
      exists: true,
    });
    expect(await settingsFile()).toMatchObject({
      roots: [{ path: join(home, 'work', 'orcs'), format: 'orcs' }],
    });
    const roots = await library.handlers['roots.list']({});
    expect(roots.map((root) => root.origin)).toEqual(['default', 'added']);
    expect(await library.handlers['sessions.list']({ root: added.id })).toHaveLength(3);

    // A second launch has it too, and adding it again makes no second root.
    await library.close();
    library = open();
    await library.handlers['roots.add']({ folder: (await browseTo('work', 'orcs')).id });
    expect(await library.handlers['roots.list']({})).toHaveLength(2);
  });

  it('announces the change, so the list reloads', async () => {
    const changes: unknown[] = [];
    library.on('library.changed', (change) => changes.push(change));
    await library.handlers['roots.add']({ folder: (await browseTo('work', 'orcs')).id });
    expect(changes).toContainEqual({ root: null });
  });

  it('refuses a folder of files no format knows, and one that is not a folder any more', async () => {
    await writeFile(join(home, 'work', 'readme.md'), 'hello');
    await expect(
      library.handlers['roots.add']({ folder: (await browseTo('work')).id }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/no sessions of a known format/),
    });
    const gone = await browseTo('work', 'orcs');
    await rm(join(home, 'work', 'orcs'), { recursive: true });
    await expect(library.handlers['roots.add']({ folder: gone.id })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('takes an empty folder as a root whose format is learned once sessions arrive', async () => {
    await mkdir(join(home, 'later'));
    const added = await library.handlers['roots.add']({ folder: (await browseTo('later')).id });
    expect(added.format).toBeNull();
    await cp(basic, join(home, 'later'), { recursive: true });
    const rescanned = await library.handlers['roots.rescan']({ root: added.id });
    expect(rescanned.format).toBe('orcs');
    expect(await library.handlers['sessions.list']({ root: added.id })).toHaveLength(3);
  });

  it('forgets a removed added root', async () => {
    const added = await library.handlers['roots.add']({ folder: (await browseTo('work', 'orcs')).id });
    const rest = await library.handlers['roots.remove']({ root: added.id });
    expect(rest.map((root) => root.origin)).toEqual(['default']);
    expect(await settingsFile()).toMatchObject({ roots: [], hiddenRoots: [] });
  });

  it('hides a removed default root for good, until it is added again', async () => {
    const [found] = await library.handlers['roots.list']({});
    if (!found) throw new Error('the default ORCS root is found');
    expect(found.origin).toBe('default');
    expect(await library.handlers['roots.remove']({ root: found.id })).toEqual([]);
    await expect(library.handlers['sessions.list']({ root: found.id })).rejects.toMatchObject({
      code: 'not_found',
    });

    await library.close();
    library = open();
    expect(await library.handlers['roots.list']({})).toEqual([]);

    const again = await library.handlers['roots.add']({ folder: (await browseTo('.orcs', 'sessions')).id });
    expect(again).toMatchObject({ id: found.id, origin: 'default' });
    expect(await settingsFile()).toMatchObject({ roots: [], hiddenRoots: [] });
  });

  it('shows an added folder that went away as missing, listing nothing, rather than failing', async () => {
    const added = await library.handlers['roots.add']({ folder: (await browseTo('work', 'orcs')).id });
    await rm(join(home, 'work', 'orcs'), { recursive: true });
    const roots = await library.handlers['roots.list']({});
    expect(roots.find((root) => root.id === added.id)).toMatchObject({ exists: false, format: 'orcs' });
    expect(await library.handlers['sessions.list']({ root: added.id })).toEqual([]);
  });

  it('leaves roots named with --root alone', async () => {
    await library.close();
    library = open({ roots: [join(home, 'work', 'orcs')] });
    const [named] = await library.handlers['roots.list']({});
    if (!named) throw new Error('the named root is listed');
    await expect(library.handlers['roots.remove']({ root: named.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      library.handlers['roots.add']({ folder: (await browseTo('work')).id }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('adds through the host dialog where there is one, and says `unsupported` where not', async () => {
    await expect(library.handlers['roots.choose']({})).rejects.toMatchObject({ code: 'unsupported' });
    await library.close();
    const picks: (string | null)[] = [null, join(home, 'work', 'orcs')];
    library = open({ chooseFolder: async () => picks.shift() ?? null });
    expect(await library.handlers['roots.choose']({})).toEqual({ root: null });
    expect((await library.handlers['roots.choose']({})).root).toMatchObject({
      origin: 'added',
      format: 'orcs',
    });
  });
});

describe('the settings and the index, as the settings view shows them', () => {
  it('saves the trash retention', async () => {
    expect(await library.handlers['settings.get']({})).toEqual({ trashRetentionDays: 30 });
    expect(await library.handlers['settings.update']({ trashRetentionDays: 7 })).toEqual({
      trashRetentionDays: 7,
    });
    expect(await settingsFile()).toMatchObject({ trashRetentionDays: 7 });
  });

  it('says where the index is and how big', async () => {
    const info = await library.handlers['index.info']({});
    expect(info.path).toBe(join(dir, 'appdata', 'index', 'sessions.sqlite'));
    expect(info.sizeBytes).toBeGreaterThan(0);
    expect(info.sessions).toBe(3);
  });

  it('hands the theme to a host that draws parts of its own', async () => {
    expect(await library.handlers['app.setTheme']({ theme: 'dark' })).toEqual({ applied: false });
    await library.close();
    const themes: string[] = [];
    library = open({ setTheme: (theme) => themes.push(theme) });
    expect(await library.handlers['app.setTheme']({ theme: 'light' })).toEqual({ applied: true });
    expect(themes).toEqual(['light']);
  });
});

describe('watching roots as they are added and removed', () => {
  it('watches an added root and stops watching it once removed', async () => {
    await library.close();
    library = open({ watch: true });
    const watched = (count: number) =>
      new Promise<void>((resolve) => {
        const stop = library.on('watch.status', (status) => {
          if (status.roots.length !== count || !status.roots.every((root) => root.present)) return;
          stop();
          resolve();
        });
      });
    const one = watched(1);
    await library.handlers['sessions.page']({ offset: 0, limit: 10 });
    await one;

    const two = watched(2);
    const added = await library.handlers['roots.add']({ folder: (await browseTo('work', 'orcs')).id });
    await two;
    expect((await library.handlers['watch.status']({})).roots.map((root) => root.root)).toContain(added.id);

    const back = watched(1);
    await library.handlers['roots.remove']({ root: added.id });
    await back;
    expect((await library.handlers['watch.status']({})).roots.map((root) => root.root)).not.toContain(
      added.id,
    );
  });
});
