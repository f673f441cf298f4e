import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsFile, withRootAdded, withRootFormat, withRootRemoved } from './settings';
import type { Settings } from './settings';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-settings-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const empty: Settings = { version: 1, roots: [], hiddenRoots: [], demo: false, trashRetentionDays: 30 };

describe('settings.json', () => {
  it('reads a missing file as the defaults', async () => {
    expect(await new SettingsFile(join(dir, 'settings.json')).read()).toEqual(empty);
  });

  it('reads an older file, whose roots have no format, with every new field defaulted', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify({ version: 1, roots: [{ path: '/a' }], trashRetentionDays: 7 }));
    expect(await new SettingsFile(path).read()).toEqual({
      ...empty,
      roots: [{ path: '/a', format: null }],
      trashRetentionDays: 7,
    });
  });

  it('reads a format this build does not know as not yet detected', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify({ version: 1, roots: [{ path: '/a', format: 'claude' }] }));
    expect((await new SettingsFile(path).read()).roots).toEqual([{ path: '/a', format: null }]);
  });

  it('sets a file with a retention out of 1–3650 days aside rather than trusting it', async () => {
    for (const days of [0, 3651, 2.5]) {
      const path = join(dir, `settings-${days}.json`);
      await writeFile(path, JSON.stringify({ version: 1, trashRetentionDays: days }));
      expect((await new SettingsFile(path).read()).trashRetentionDays).toBe(30);
    }
    expect((await readdir(dir)).filter((name) => name.includes('.unreadable-'))).toHaveLength(3);
  });

  it('keeps an update on disk', async () => {
    const path = join(dir, 'settings.json');
    await new SettingsFile(path).update((current) => ({ ...current, trashRetentionDays: 90 }));
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ trashRetentionDays: 90 });
  });
});

describe('roots in the settings', () => {
  it('adds a folder once, and adding a hidden found root only shows it again', () => {
    const once = withRootAdded(empty, '/s/orcs', 'orcs', false);
    expect(once.roots).toEqual([{ path: '/s/orcs', format: 'orcs' }]);
    expect(withRootAdded(once, '/s/orcs/', 'orcs', false).roots).toHaveLength(1);
    const hidden = withRootRemoved(empty, { path: '/home/.orcs/sessions', origin: 'default' });
    expect(hidden.hiddenRoots).toEqual([{ path: '/home/.orcs/sessions' }]);
    expect(withRootAdded(hidden, '/home/.orcs/sessions', 'orcs', true)).toEqual(empty);
  });

  it('forgets an added root, and hides a found one only once', () => {
    const added = withRootAdded(empty, '/s/orcs', null, false);
    expect(withRootRemoved(added, { path: '/s/orcs', origin: 'added' })).toEqual(empty);
    const twice = withRootRemoved(withRootRemoved(empty, { path: '/d', origin: 'demo' }), {
      path: '/d',
      origin: 'demo',
    });
    expect(twice.hiddenRoots).toEqual([{ path: '/d' }]);
  });

  it('records the format an added root was found to hold', () => {
    const added = withRootAdded(empty, '/s/new', null, false);
    expect(withRootFormat(added, '/s/new', 'yoi').roots).toEqual([{ path: '/s/new', format: 'yoi' }]);
  });
});
