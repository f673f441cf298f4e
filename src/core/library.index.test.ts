import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRef } from '../shared/model';
import { SOURCE_ID } from './formats/yoi/testkit';
import { tempDir, threeRoots } from './index/testkit';
import { createLibrary } from './library';
import type { Library } from './library';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = await tempDir();
  const roots = await threeRoots(dir);
  library = createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: roots.map((root) => root.path),
    resourcesDir: join(dir, 'resources'),
    // Not 'cli': the CLI catches the index up before each search, which would hide a missed refresh.
    host: 'browser',
    version: 'test',
  });
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

const search = async (query: string) =>
  (await library.handlers['search.query']({ query, filters: {}, limit: 50 })).groups.map(
    (g) => g.session.title,
  );

/** The first page starts the index; this waits for its first run to finish. */
async function indexed(): Promise<void> {
  for (;;) {
    const page = await library.handlers['sessions.page']({ offset: 0, limit: 100 });
    const status = await library.handlers['index.status']({});
    if (status.phase === 'idle' && page.items.every((item) => !item.pending)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function refOf(id: string): Promise<SessionRef> {
  const page = await library.handlers['sessions.page']({ offset: 0, limit: 100 });
  const found = page.items.find((item) => item.ref.id === id);
  if (!found) throw new Error(`no session ${id}`);
  return found.ref;
}

describe('the Library and its index', () => {
  it('serves the list a page at a time, every format, newest first', async () => {
    await indexed();
    const first = await library.handlers['sessions.page']({ offset: 0, limit: 2 });
    const rest = await library.handlers['sessions.page']({ offset: 2, limit: 10 });
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    expect(rest.items).toHaveLength(3);
    const all = [...first.items, ...rest.items];
    expect(new Set(all.map((item) => item.format))).toEqual(new Set(['orcs', 'zeroclaw', 'yoi']));
    const times = all.map((item) => item.updatedAt ?? '');
    expect(times).toEqual([...times].sort().reverse());
  });

  it('finds a session by the name given to it, in every format, as soon as the rename answers', async () => {
    await indexed();
    for (const [id, title] of [
      ['orcs-two', 'Metropolitan weather'],
      ['alpha', 'Keyring rotation'],
      [SOURCE_ID, 'Forecast helper'],
    ] as const) {
      await library.handlers['session.rename']({ ref: await refOf(id), title });
      expect(await search(title.split(' ')[0] ?? '')).toEqual([title]);
    }
  });

  it('drops a deleted session from the list and search, and a restore brings it back', async () => {
    await indexed();
    expect(await search('lighthouse')).toEqual(['beta']);
    const { trashId } = await library.handlers['session.delete']({ ref: await refOf('beta') });
    expect(await search('lighthouse')).toEqual([]);
    expect((await library.handlers['sessions.page']({ offset: 0, limit: 50 })).total).toBe(4);
    await library.handlers['trash.restore']({ trashId });
    expect(await search('lighthouse')).toEqual(['beta']);
  });

  it('indexes what an append wrote before the append answers', async () => {
    await indexed();
    await library.handlers['session.append']({
      ref: await refOf('alpha'),
      message: { role: 'user', content: 'schedule the quarterly audit' },
    });
    expect(await search('quarterly')).toEqual(['alpha']);
  });
});

describe('without a usable index', () => {
  it('still lists every session from the files, and writes still answer', async () => {
    const broken = join(dir, 'broken-appdata');
    // A file where the index's folder should be: the database cannot be made.
    await mkdir(broken);
    await writeFile(join(broken, 'index'), 'not a folder');
    await mkdir(join(dir, 'second'));
    const roots = await threeRoots(join(dir, 'second'));
    const fallback = createLibrary({
      appDataDir: broken,
      env: { home: join(dir, 'home'), vars: {} },
      roots: roots.map((root) => root.path),
      resourcesDir: join(dir, 'resources'),
      host: 'browser',
      version: 'test',
    });
    try {
      const page = await fallback.handlers['sessions.page']({ offset: 0, limit: 50 });
      expect(page.total).toBe(5);
      expect(page.items.every((item) => !item.pending)).toBe(true);
      const alpha = page.items.find((item) => item.ref.id === 'alpha');
      if (!alpha) throw new Error('alpha is missing');
      const renamed = await fallback.handlers['session.rename']({ ref: alpha.ref, title: 'Still renamed' });
      expect(renamed.summary.title).toBe('Still renamed');
      await expect(
        fallback.handlers['search.query']({ query: 'anything', filters: {}, limit: 5 }),
      ).rejects.toThrow();
    } finally {
      await fallback.close();
    }
  });
});
