import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from './library';
import type { Library } from './library';

const basic = resolve(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'orcs-basic');

/** The first session of a list, failing the test where there is none. */
function first<T>(items: T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error('expected at least one session');
  return item;
}

let dir: string;
let library: Library;

/** A Library on the test's own sessions directory, as the CLI opens one with --root. */
function open(): Library {
  return createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: [join(dir, 'sessions')],
    resourcesDir: join(dir, 'resources'),
    host: 'cli',
    version: 'test',
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-library-'));
  await cp(basic, join(dir, 'sessions'), { recursive: true });
  library = open();
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Library', () => {
  it('keeps one store per root across calls, so format caches serve later calls', async () => {
    const { ref } = first(await library.handlers['sessions.list']({}));
    const a = await library.handlers['session.get']({ ref });
    const b = await library.handlers['session.get']({ ref });
    expect(b).toEqual(a);
    const roots = await library.handlers['roots.list']({});
    expect(roots.map((root) => root.format)).toEqual(['orcs']);
  });

  it('treats a named root emptied by deletes as empty, not as an unknown format', async () => {
    for (const session of await library.handlers['sessions.list']({})) {
      await library.handlers['session.delete']({ ref: session.ref });
    }
    expect(await readdir(join(dir, 'sessions'))).toEqual([]);
    const fresh = open();
    expect(await fresh.handlers['sessions.list']({})).toEqual([]);
    expect((await fresh.handlers['roots.list']({}))[0]?.format).toBeNull();
  });

  it('refuses a write the format does not offer, in words', async () => {
    const session = first(await library.handlers['sessions.list']({}));
    await expect(library.handlers['session.removeLast']({ ref: session.ref })).rejects.toMatchObject({
      code: 'unsupported',
      message: 'sessions of this format cannot remove messages',
    });
  });

  it('announces its own writes as library.changed', async () => {
    const seen: unknown[] = [];
    library.on('library.changed', (payload) => seen.push(payload));
    const session = first(await library.handlers['sessions.list']({}));
    await library.handlers['session.rename']({ ref: session.ref, title: 'Renamed' });
    expect(seen).toEqual([{ root: session.ref.root }]);
  });
});
