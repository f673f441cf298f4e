import { appendFile, mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventName, Events } from '../shared/api';
import { line } from './formats/zeroclaw/testkit';
import { tempDir, threeRoots } from './index/testkit';
import { createLibrary } from './library';
import type { Library } from './library';

let dir: string;
let library: Library;
let zeroclaw: string;

beforeEach(async () => {
  dir = await tempDir();
  const roots = await threeRoots(dir);
  zeroclaw = roots.find((root) => root.format === 'zeroclaw')?.path ?? '';
  library = createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: roots.map((root) => root.path),
    resourcesDir: join(dir, 'resources'),
    host: 'browser',
    version: 'test',
    watch: true,
  });
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

/** The next event of this kind that `accept` takes. */
function next<E extends EventName>(event: E, accept: (payload: Events[E]) => boolean): Promise<Events[E]> {
  return new Promise((resolve) => {
    const stop = library.on(event, (payload) => {
      if (!accept(payload)) return;
      stop();
      resolve(payload);
    });
  });
}

/** Settles on the first library.changed after which `check` holds. */
function once(check: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve) => {
    const stop = library.on('library.changed', () => {
      void check().then((holds) => {
        if (!holds) return;
        stop();
        resolve();
      });
    });
  });
}

const names = (payload: Events['library.changed']) => (payload.sessions ?? []).map((ref) => ref.id);

/** Opens the list (which starts the index and the watcher) and waits until every root is watched. */
async function watching(): Promise<void> {
  const ready = next(
    'watch.status',
    (status) => status.roots.length === 3 && status.roots.every((r) => r.present),
  );
  await library.handlers['sessions.page']({ offset: 0, limit: 100 });
  await ready;
}

const ids = async () =>
  (await library.handlers['sessions.page']({ offset: 0, limit: 100 })).items
    .map((item) => item.ref.id)
    .sort();

it(
  'follows the files: an append is searchable, a new session is listed, a deleted one leaves',
  { timeout: 30_000 },
  async () => {
    await watching();

    const appended = next('library.changed', (payload) => names(payload).includes('alpha'));
    await appendFile(join(zeroclaw, 'alpha.jsonl'), line('user', 'the quartermaster wants a lantern'));
    const change = await appended;
    expect(change.sessions).toEqual([{ root: change.root, id: 'alpha' }]);
    const found = await library.handlers['search.query']({ query: 'quartermaster', filters: {}, limit: 10 });
    expect(found.groups.map((group) => group.session.ref.id)).toEqual(['alpha']);
    expect(found.groups[0]?.hits[0]?.turn).toBe(2);

    const added = next('library.changed', (payload) => names(payload).includes('gamma'));
    await writeFile(join(zeroclaw, 'gamma.jsonl'), line('user', 'a brand new session'));
    await added;
    expect(await ids()).toContain('gamma');

    const removed = next('library.changed', (payload) => names(payload).includes('beta'));
    await unlink(join(zeroclaw, 'beta.jsonl'));
    await removed;
    expect(await ids()).not.toContain('beta');
    const gone = await library.handlers['search.query']({ query: 'lighthouse', filters: {}, limit: 10 });
    expect(gone.groups).toEqual([]);
  },
);

it('ignores temp files beside the sessions', { timeout: 30_000 }, async () => {
  await watching();
  const seen: Events['library.changed'][] = [];
  library.on('library.changed', (payload) => seen.push(payload));
  // A temp file first, then a real change: the one event names the real session only.
  await writeFile(join(zeroclaw, '.alpha.jsonl.tmp123'), 'half a line');
  const appended = next('library.changed', (payload) => names(payload).includes('alpha'));
  await appendFile(join(zeroclaw, 'alpha.jsonl'), line('assistant', 'noted'));
  await appended;
  expect(seen.flatMap(names)).toEqual(['alpha']);
});

it(
  'empties a root whose folder is removed, and fills it again when the folder comes back',
  { timeout: 30_000 },
  async () => {
    await watching();
    const missing = next('watch.status', (status) => status.roots.some((root) => !root.present));
    const emptied = next(
      'library.changed',
      (payload) => payload.root !== null && payload.sessions === undefined,
    );
    await rm(zeroclaw, { recursive: true });
    await missing;
    await emptied;
    expect(await ids()).not.toContain('alpha');

    const watchedAgain = next('watch.status', (status) => status.roots.every((root) => root.present));
    await mkdir(zeroclaw);
    await watchedAgain;
    // The new file may come on its own or inside the resync of the returning folder.
    const back = once(async () => (await ids()).includes('delta'));
    await writeFile(join(zeroclaw, 'delta.jsonl'), line('user', 'the folder is back'));
    await back;
  },
);
