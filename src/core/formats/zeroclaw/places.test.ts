import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPlaces, detect, resolveSessionsDir } from './places';
import { line, withFixtures, withTempDir } from './testkit';
import { writeName } from './sessions-db';

const at = (home: string, vars: Record<string, string> = {}) => resolveSessionsDir({ home, vars });

describe('where ZeroClaw keeps its sessions', () => {
  it('defaults to ~/.zeroclaw/workspace/sessions', async () => {
    await withTempDir(async (home) => {
      expect(await at(home)).toEqual({
        path: join(home, '.zeroclaw', 'workspace', 'sessions'),
        origin: 'default',
        how: 'ZeroClaw default, ~/.zeroclaw/workspace/sessions',
      });
      expect(await defaultPlaces({ home, vars: {} })).toEqual([
        expect.objectContaining({ format: 'zeroclaw', exists: false, origin: 'default' }),
      ]);
      await mkdir(join(home, '.zeroclaw', 'workspace', 'sessions'), { recursive: true });
      expect((await defaultPlaces({ home, vars: {} }))[0]?.exists).toBe(true);
    });
  });

  it('puts $ZEROCLAW_CONFIG_DIR first, expanding a leading ~', async () => {
    await withTempDir(async (home) => {
      const found = await at(home, { ZEROCLAW_CONFIG_DIR: ' ~/zc ', ZEROCLAW_WORKSPACE: '/elsewhere' });
      expect(found).toEqual({
        path: join(home, 'zc', 'workspace', 'sessions'),
        origin: 'env',
        how: '$ZEROCLAW_CONFIG_DIR',
      });
    });
  });

  it('reads $ZEROCLAW_WORKSPACE the way resolve_config_dir_for_workspace does', async () => {
    await withTempDir(async (home) => {
      const plain = join(home, 'ws');
      expect((await at(home, { ZEROCLAW_WORKSPACE: plain })).path).toBe(join(plain, 'workspace', 'sessions'));
      const named = join(home, 'custom', 'workspace');
      expect((await at(home, { ZEROCLAW_WORKSPACE: named })).path).toBe(join(named, 'sessions'));
      await mkdir(named, { recursive: true });
      await writeFile(join(named, 'config.toml'), '');
      expect((await at(home, { ZEROCLAW_WORKSPACE: named })).path).toBe(join(named, 'workspace', 'sessions'));
      const legacy = join(home, 'legacy', 'data');
      await mkdir(join(home, 'legacy', '.zeroclaw'), { recursive: true });
      await writeFile(join(home, 'legacy', '.zeroclaw', 'config.toml'), '');
      expect((await at(home, { ZEROCLAW_WORKSPACE: legacy })).path).toBe(join(legacy, 'sessions'));
    });
  });

  it('follows config_dir in ~/.zeroclaw/active_workspace.toml, absolute, ~ or relative', async () => {
    await withTempDir(async (home) => {
      const marker = join(home, '.zeroclaw', 'active_workspace.toml');
      await mkdir(join(home, '.zeroclaw'));
      for (const [configDir, expected] of [
        ['/srv/zc', '/srv/zc'],
        ['~/profiles/work', join(home, 'profiles', 'work')],
        ['profiles/home', join(home, '.zeroclaw', 'profiles', 'home')],
      ]) {
        await writeFile(marker, `config_dir = "${configDir}"\n`);
        expect(await at(home)).toEqual({
          path: join(expected ?? '', 'workspace', 'sessions'),
          origin: 'config',
          how: 'config_dir in ~/.zeroclaw/active_workspace.toml',
        });
      }
    });
  });

  it('ignores what ZeroClaw ignores, and says so', async () => {
    await withTempDir(async (home) => {
      await mkdir(join(home, '.zeroclaw'));
      await writeFile(join(home, '.zeroclaw', 'active_workspace.toml'), 'config_dir = [');
      const found = await at(home, { ZEROCLAW_WORKSPACE: 'relative/ws', ZEROCLAW_CONFIG_DIR: '   ' });
      expect(found.origin).toBe('default');
      expect(found.how).toMatch(/\$ZEROCLAW_WORKSPACE is relative/);
      expect(found.how).toMatch(/not valid TOML/);
      await writeFile(join(home, '.zeroclaw', 'active_workspace.toml'), 'config_dir = "  "');
      expect((await at(home)).how).toMatch(/has no config_dir/);
    });
  });
});

describe('detect', () => {
  it('is sure about the fixtures folder', async () => {
    await withFixtures(async (dir) => {
      expect(await detect(dir)).toBeGreaterThan(0.8);
    });
  });

  it('scores the share of files whose first line is a ZeroClaw message', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.jsonl'), `\n${line('user', 'hi')}`);
      await writeFile(
        join(dir, 'b.jsonl'),
        '{"type":"user","message":{"role":"user","content":"claude code"}}\n',
      );
      await writeFile(join(dir, 'c.jsonl'), '');
      expect(await detect(dir)).toBe(0.5);
    });
  });

  it('trusts a sessions.db with ZeroClaw tables even without files', async () => {
    await withTempDir(async (dir) => {
      writeName(dir, 'k', 'n', { createdAt: 'x', lastActivity: 'x', messageCount: 0 });
      expect(await detect(dir)).toBe(0.9);
    });
  });

  it('gives a little to a folder holding only empty session files, as ZeroClaw leaves them', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'slack_C1_ann.jsonl'), '');
      expect(await detect(dir)).toBe(0.2);
    });
  });

  it('gives a little to an empty folder at the default place, nothing elsewhere', async () => {
    await withTempDir(async (home) => {
      const sessions = join(home, '.zeroclaw', 'workspace', 'sessions');
      await mkdir(sessions, { recursive: true });
      expect(await detect(sessions)).toBe(0.1);
      expect(await detect(home)).toBe(0);
      expect(await detect(join(home, 'missing'))).toBe(0);
    });
  });
});
