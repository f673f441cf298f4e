import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeAsset } from './serialize';
import { defaultPlaces, detect, resolveSessionDir } from './places';
import { newAsset, withTempDir } from './testkit';

async function config(home: string, toml: string): Promise<void> {
  await mkdir(join(home, '.orcs'), { recursive: true });
  await writeFile(join(home, '.orcs', 'config.toml'), toml);
}

describe('defaultPlaces', () => {
  it('uses $ORCS_SESSION_PATH first, expanding a leading ~/', async () => {
    await withTempDir(async (home) => {
      await config(home, '[paths]\nsession_dir = "/from/config"\n');
      await mkdir(join(home, 'env-sessions'));
      const places = await defaultPlaces({ home, vars: { ORCS_SESSION_PATH: '~/env-sessions' } });
      expect(places).toEqual([
        {
          format: 'orcs',
          path: join(home, 'env-sessions'),
          exists: true,
          how: '$ORCS_SESSION_PATH',
          origin: 'env',
        },
      ]);
    });
  });

  it('then [paths] session_dir in ~/.orcs/config.toml, with ~/ expanded', async () => {
    await withTempDir(async (home) => {
      await config(home, '# mine\n[model]\nname = "x"\n\n[paths]\nsession_dir = "~/work/orcs-sessions"\n');
      const places = await defaultPlaces({ home, vars: { ORCS_SESSION_PATH: '' } });
      expect(places).toEqual([
        {
          format: 'orcs',
          path: join(home, 'work', 'orcs-sessions'),
          exists: false,
          how: '[paths] session_dir in ~/.orcs/config.toml',
          origin: 'config',
        },
      ]);
    });
  });

  it('then ~/.orcs/sessions', async () => {
    await withTempDir(async (home) => {
      await mkdir(join(home, '.orcs', 'sessions'), { recursive: true });
      expect(await defaultPlaces({ home, vars: {} })).toEqual([
        {
          format: 'orcs',
          path: join(home, '.orcs', 'sessions'),
          exists: true,
          how: 'ORCS default, ~/.orcs/sessions',
          origin: 'default',
        },
      ]);
    });
  });

  it('expands only a leading ~/ and says why it passed over a relative path', async () => {
    await withTempDir(async (home) => {
      await config(home, '[paths]\nsession_dir = "~sessions"\n');
      const dir = await resolveSessionDir({ home, vars: { ORCS_SESSION_PATH: 'relative/dir' } });
      expect(dir.origin).toBe('default');
      expect(dir.how).toContain('$ORCS_SESSION_PATH is relative (relative/dir)');
      expect(dir.how).toContain('session_dir in ~/.orcs/config.toml is relative (~sessions)');
    });
  });

  it('falls back to the default when config.toml is not TOML, and says so', async () => {
    await withTempDir(async (home) => {
      await config(home, '[paths\nsession_dir = ');
      const dir = await resolveSessionDir({ home, vars: {} });
      expect(dir.path).toBe(join(home, '.orcs', 'sessions'));
      expect(dir.how).toContain('not valid TOML');
    });
  });

  it('ignores a config without [paths] session_dir, and a session_dir that is not a string', async () => {
    await withTempDir(async (home) => {
      await config(home, '[paths]\ncache_dir = "/c"\n');
      expect((await resolveSessionDir({ home, vars: {} })).origin).toBe('default');
      await config(home, '[paths]\nsession_dir = 3\n');
      const dir = await resolveSessionDir({ home, vars: {} });
      expect(dir.origin).toBe('default');
      expect(dir.how).toContain('is not a path');
    });
  });
});

describe('detect', () => {
  it('is sure of a folder of serde-written sessions', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), serializeAsset(newAsset('a')));
      await writeFile(join(dir, 'b.json'), serializeAsset(newAsset('b')));
      await writeFile(join(dir, 'notes.txt'), 'hello');
      expect(await detect(dir)).toBe(1);
    });
  });

  it('half-trusts the right keys in another order, and scores other JSON zero', async () => {
    await withTempDir(async (dir) => {
      const reordered = JSON.stringify({
        version: 1,
        id: 'a',
        created_at_ms: 0,
        updated_at_ms: 0,
        history: {},
      });
      await writeFile(join(dir, 'a.json'), reordered);
      await writeFile(join(dir, 'b.json'), '{"type":"message","role":"user"}');
      expect(await detect(dir)).toBe(0.25);
    });
  });

  it('gives an empty folder a small score only where ORCS keeps sessions, and a missing one zero', async () => {
    await withTempDir(async (home) => {
      await mkdir(join(home, '.orcs', 'sessions'), { recursive: true });
      await mkdir(join(home, 'elsewhere'));
      expect(await detect(join(home, '.orcs', 'sessions'))).toBe(0.1);
      expect(await detect(join(home, 'elsewhere'))).toBe(0);
      expect(await detect(join(home, 'missing'))).toBe(0);
    });
  });
});
