import { appendFile, mkdir, readFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { ZeroclawSessionStore } from './store';
import { toRfc3339 } from './time';
import { code, line, withFixtures, withTempDir } from './testkit';

const NOW = Date.UTC(2026, 2, 26, 12, 0, 0);
const open = (dir: string, now = NOW) => new ZeroclawSessionStore(dir, { now: () => now });
const file = (dir: string, id: string) => join(dir, `${id}.jsonl`);

function dbRows(dir: string, sql: string, ...params: string[]): Record<string, unknown>[] {
  const db = new DatabaseSync(join(dir, 'sessions.db'));
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

describe('ZeroclawSessionStore: reading', () => {
  it('loads what ZeroClaw loads: every readable line, in order', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      expect((await store.load('telegram_12345_alice')).map((m) => m.role)).toEqual([
        'user',
        'assistant',
        'user',
        'assistant',
        'user',
        'assistant',
      ]);
      expect((await store.load('cli_corrupt')).map((m) => m.content)).toEqual([
        'the first line is fine',
        'a message as a JSON array: serde reads it',
        'and the last line is fine too',
      ]);
      // The original key is sanitised to the file, as ZeroClaw's session_path does.
      expect(await store.load('slack_C123_1.2_user one')).toHaveLength(4);
      expect(await store.load('whatsapp_4915112345678_frank')).toEqual([
        { role: 'user', content: 'Wie wird das Wetter morgen in Hamburg?' },
        { role: 'assistant', content: 'Morgen in Hamburg: bewölkt, 14 °C, am Nachmittag Schauer.' },
        { role: 'user', content: 'Danke' },
      ]);
      expect(await store.load('gw_web:session/7f3e')).toHaveLength(4);
      expect(await store.load('missing')).toEqual([]);
      expect(await store.load('')).toEqual([]);
    });
  });

  it('lists JSONL stems and sessions.db-only keys, not migrated files, sessions.db or unloadable names', async () => {
    await withFixtures(async (dir) => {
      const ids = await open(dir).listSessions();
      expect([...ids].sort()).toEqual(
        [
          'cli_corrupt',
          'discord_998877_thread-42_bob',
          'empty',
          'gw_web_session_7f3e',
          'matrix__room_example_org_carol',
          'slack_C123_1_2_user_one',
          'slack_C777_erin',
          'telegram_100_old',
          'telegram_12345_alice',
          'telegram_555_dave',
          'telegram_777_grace',
          'telegram_888_heidi',
          'telegram_889_ivan',
          'user_Алиса',
          'wechat_群聊_王小明',
          'whatsapp_4915112345678_frank',
        ].sort(),
      );
    });
  });

  it('reports real metadata: counts from the file, times from sessions.db or the file, never now', async () => {
    await withFixtures(async (dir) => {
      const byKey = new Map((await open(dir).listSessionsWithMetadata()).map((m) => [m.key, m]));
      const alice = byKey.get('telegram_12345_alice');
      const aliceFile = await stat(file(dir, 'telegram_12345_alice'));
      expect(alice).toEqual({
        key: 'telegram_12345_alice',
        name: 'Lisbon weekend',
        createdAt: '2026-03-20T09:15:02.123Z',
        lastActivity: new Date(
          Math.max(aliceFile.mtimeMs, Date.UTC(2026, 2, 20, 9, 21, 40, 500)),
        ).toISOString(),
        messageCount: 6,
      });
      const heidi = await stat(file(dir, 'telegram_888_heidi'));
      expect(byKey.get('telegram_888_heidi')).toEqual({
        key: 'telegram_888_heidi',
        name: null,
        createdAt: new Date(heidi.birthtimeMs > 0 ? heidi.birthtimeMs : heidi.mtimeMs).toISOString(),
        lastActivity: new Date(heidi.mtimeMs).toISOString(),
        messageCount: 2,
      });
      expect(byKey.get('slack_C123_1.2_user one')).toMatchObject({
        messageCount: 4,
        createdAt: '2026-03-21T14:00:00.000Z',
      });
      expect(byKey.get('gw_web:session/7f3e')).toEqual({
        key: 'gw_web:session/7f3e',
        name: 'Capitals quiz',
        createdAt: '2026-03-26T10:00:00.123Z',
        lastActivity: '2026-03-26T10:00:12.000Z',
        messageCount: 4,
      });
    });
  });

  it('searches message text for any of the words, case-insensitively, newest first, up to the limit', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      const keys = async (keyword: string | null, limit?: number) =>
        (await store.search({ keyword, limit })).map((m) => m.key).sort();
      expect(await keys('LISBON')).toEqual(['telegram_12345_alice']);
      expect(await keys('canberra hamburg')).toEqual(['gw_web:session/7f3e', 'whatsapp_4915112345678_frank']);
      expect(await keys('ありがとう')).toEqual(['user_Алиса']);
      expect(await keys('a', 2)).toHaveLength(2);
      expect(await keys('no-such-word-anywhere')).toEqual([]);
      expect(await keys(null)).toHaveLength(16);
    });
  });

  it('previews stale sessions by last activity, deleting nothing', async () => {
    await withFixtures(async (dir) => {
      const old = new Date(Date.UTC(2026, 2, 1));
      await utimes(file(dir, 'empty'), old, old);
      const stale = (await open(dir).stale(24)).map((s) => s.id).sort();
      expect(stale).toEqual(['empty', 'telegram_100_old']);
      expect((await open(dir, NOW + 86_400_000).stale(24)).map((s) => s.id)).toContain('gw_web_session_7f3e');
      expect(await readdir(dir)).toContain('empty.jsonl');
    });
  });
});

describe('ZeroclawSessionStore: writing messages', () => {
  it('appends byte for byte what serde_json writes, creating the file as ZeroClaw does', async () => {
    await withTempDir(async (dir) => {
      const store = open(dir);
      const content = 'q"b\\c\u0001\b\f\n\r\t\u007f\u2028é😀';
      const appended = await store.append('slack.C9 new', { role: 'user', content });
      const expected = '{"role":"user","content":"q\\"b\\\\c\\u0001\\b\\f\\n\\r\\t\u007f\u2028é😀"}\n';
      expect(await readFile(file(dir, 'slack_C9_new'), 'utf8')).toBe(expected);
      expect(appended).toEqual({ offset: 0, written: Buffer.from(expected) });
      expect(await store.load('slack_C9_new')).toEqual([{ role: 'user', content }]);
    });
  });

  it('repairs a torn last line before appending, keeping its bytes', async () => {
    await withFixtures(async (dir) => {
      const before = await readFile(file(dir, 'telegram_888_heidi'));
      await open(dir).append('telegram_888_heidi', { role: 'assistant', content: 'Snow' });
      expect(await readFile(file(dir, 'telegram_888_heidi'))).toEqual(
        Buffer.concat([before, Buffer.from(`\n${line('assistant', 'Snow')}`)]),
      );
      expect((await open(dir).load('telegram_888_heidi')).map((m) => m.content).at(-1)).toBe('Snow');
    });
  });

  it('refuses messages ZeroClaw could not read back', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      expect(await code(store.append('empty', { role: 'user', content: 'lone \ud800' }))).toBe(
        'invalid_input',
      );
      expect(await code(store.append('empty', { role: 7 as unknown as string, content: '' }))).toBe(
        'invalid_input',
      );
      expect(await readFile(file(dir, 'empty'), 'utf8')).toBe('');
    });
  });

  it('removes the last message and only it: corrupt lines, CRLF and unknown fields stay', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      const crlf = await readFile(file(dir, 'whatsapp_4915112345678_frank'), 'utf8');
      const removed = await store.removeLast('whatsapp_4915112345678_frank');
      expect(removed?.message).toEqual({ role: 'user', content: 'Danke' });
      expect(await readFile(file(dir, 'whatsapp_4915112345678_frank'), 'utf8')).toBe(
        crlf.slice(0, crlf.lastIndexOf('{"role":"user"')),
      );

      const corrupt = await readFile(file(dir, 'cli_corrupt'), 'utf8');
      expect((await store.removeLast('cli_corrupt'))?.message.content).toBe('and the last line is fine too');
      expect(await readFile(file(dir, 'cli_corrupt'), 'utf8')).toBe(
        corrupt.slice(0, corrupt.lastIndexOf('{"role":"assistant"')),
      );
      expect((await store.removeLast('cli_corrupt'))?.message.content).toBe(
        'a message as a JSON array: serde reads it',
      );
      expect((await store.load('cli_corrupt')).map((m) => m.content)).toEqual(['the first line is fine']);
    });
  });

  it('removes a last message that has no "\\n", and says false (null) when there is none left', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      expect((await store.removeLast('telegram_889_ivan'))?.terminated).toBe(false);
      expect(await readFile(file(dir, 'telegram_889_ivan'), 'utf8')).toBe(line('user', 'ping'));
      expect(await store.removeLast('telegram_889_ivan')).not.toBeNull();
      expect(await store.removeLast('telegram_889_ivan')).toBeNull();
      expect(await store.removeLast('empty')).toBeNull();
      expect(await code(store.removeLast('no_such_session'))).toBe('not_found');
    });
  });

  it('compacts away exactly the blank and unreadable complete lines, keeping every message byte', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      const before = await store.load('telegram_777_grace');
      const preview = await store.compactPreview('telegram_777_grace', 100);
      const compacted = await store.compact('telegram_777_grace');
      expect(compacted?.dropped.map((d) => d.skipped.number)).toEqual(
        preview.dropped.map((d) => d.skipped.number),
      );
      expect(preview.dropped.map((d) => [d.skipped.number, d.skipped.reason === null])).toEqual([
        [1, true],
        [3, true],
        [4, true],
        [5, true],
        [9, false],
        [10, true],
        [11, true],
      ]);
      expect(await store.load('telegram_777_grace')).toEqual(before);
      const text = await readFile(file(dir, 'telegram_777_grace'), 'utf8');
      expect(text.split('\n').filter((l) => l.trim() === '')).toEqual(['']); // only after the final "\n"
      expect(text).toContain('  {"role":"assistant","content":"indented, with trailing spaces"}   \n');
      expect(text).toContain('"meta":{"source":"import"}');
      expect(await store.compact('telegram_777_grace')).toBeNull();
    });
  });

  it('keeps an unterminated last line when compacting, even an unreadable one', async () => {
    await withFixtures(async (dir) => {
      const before = await readFile(file(dir, 'telegram_888_heidi'), 'utf8');
      expect(await open(dir).compact('telegram_888_heidi')).toBeNull();
      expect(await readFile(file(dir, 'telegram_888_heidi'), 'utf8')).toBe(before);
    });
  });

  it('deletes a file for good, as ZeroClaw does, and says whether there was one', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      expect(await store.deleteSession('empty')).toBe(true);
      expect(await store.deleteSession('empty')).toBe(false);
      expect(await readdir(dir)).not.toContain('empty.jsonl');
    });
  });

  it('writes no JSONL once sessions.db holds import receipts, and never writes sessions.db messages', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      expect(await code(store.append('gw_web_session_7f3e', { role: 'user', content: 'x' }))).toBe(
        'unsupported',
      );
      expect(await code(store.removeLast('gw_web_session_7f3e'))).toBe('unsupported');
      const db = new DatabaseSync(join(dir, 'sessions.db'));
      db.exec(
        'CREATE TABLE jsonl_import_receipts (source_name TEXT PRIMARY KEY, session_key TEXT NOT NULL, source_hash TEXT NOT NULL, source_len INTEGER NOT NULL, imported_at TEXT NOT NULL)',
      );
      db.prepare('INSERT INTO jsonl_import_receipts VALUES (?, ?, ?, ?, ?)').run(
        'x.jsonl',
        'x',
        'ff',
        1,
        '2026-08-01T00:00:00+00:00',
      );
      db.close();
      const before = await readFile(file(dir, 'telegram_12345_alice'));
      for (const write of [
        () => store.append('telegram_12345_alice', { role: 'user', content: 'x' }),
        () => store.append('brand_new', { role: 'user', content: 'x' }),
        () => store.removeLast('telegram_12345_alice'),
        () => store.compact('cli_corrupt'),
      ]) {
        await expect(write()).rejects.toMatchObject({
          code: 'unsupported',
          message: expect.stringMatching(/import receipts/),
        });
      }
      expect(await readFile(file(dir, 'telegram_12345_alice'))).toEqual(before);
      await store.setSessionName('telegram_12345_alice', 'still allowed');
      expect(await store.getSessionName('telegram_12345_alice')).toBe('still allowed');
    });
  });
});

describe('ZeroclawSessionStore: names and states in sessions.db', () => {
  it("writes a name under the key ZeroClaw's SQLite backend reads, inserting the row from the file's own times", async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      await store.setSessionName('telegram_888_heidi', 'Haiku');
      expect(await store.getSessionName('telegram_888_heidi')).toBe('Haiku');
      const facts = await store.describe('telegram_888_heidi');
      expect(
        dbRows(dir, 'SELECT * FROM session_metadata WHERE session_key = ?', 'telegram_888_heidi'),
      ).toEqual([
        expect.objectContaining({
          name: 'Haiku',
          created_at: toRfc3339(Date.parse(facts.createdAt ?? '')),
          last_activity: toRfc3339(Date.parse(facts.lastActivity ?? '')),
          message_count: 2,
          state: 'idle',
        }),
      ]);

      // Known original keys: the metadata row (slack), or `sessions` rows only (matrix).
      await store.setSessionName('slack_C123_1_2_user_one', 'Deploys');
      await store.setSessionName('matrix__room_example_org_carol', 'Logo');
      expect(
        dbRows(
          dir,
          'SELECT session_key, name FROM session_metadata WHERE name IN (?, ?) ORDER BY name',
          'Deploys',
          'Logo',
        ),
      ).toEqual([
        { session_key: 'slack_C123_1.2_user one', name: 'Deploys' },
        { session_key: 'matrix_!room:example.org_carol', name: 'Logo' },
      ]);
      expect(await store.getSessionName('matrix_!room:example.org_carol')).toBe('Logo');

      // An explicit original key wins over the stem.
      await store.setSessionName('telegram 888.heidi', 'Keyed');
      expect(
        dbRows(dir, 'SELECT name FROM session_metadata WHERE session_key = ?', 'telegram 888.heidi'),
      ).toEqual([{ name: 'Keyed' }]);

      await store.setSessionName('gw_web_session_7f3e', 'Quiz');
      expect(
        dbRows(dir, 'SELECT name FROM session_metadata WHERE session_key = ?', 'gw_web:session/7f3e'),
      ).toEqual([{ name: 'Quiz' }]);

      await store.setSessionName('telegram_12345_alice', '');
      expect(await store.getSessionName('telegram_12345_alice')).toBeNull();
      expect(await code(store.setSessionName('nobody_here', 'x'))).toBe('not_found');
    });
  });

  it('reads a name ZeroClaw wrote, also after it read the database before', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      expect(await store.getSessionName('telegram_555_dave')).toBeNull();
      expect(await store.getSessionName('telegram_555_dave')).toBeNull();
      // ZeroClaw keeps its connection open in WAL mode while it writes.
      const zeroclaw = new DatabaseSync(join(dir, 'sessions.db'));
      zeroclaw.exec('PRAGMA journal_mode = WAL');
      zeroclaw
        .prepare('UPDATE session_metadata SET name = ? WHERE session_key = ?')
        .run('Renamed by ZeroClaw', 'telegram_555_dave');
      expect(await store.getSessionName('telegram_555_dave')).toBe('Renamed by ZeroClaw');
      zeroclaw
        .prepare('UPDATE session_metadata SET name = ? WHERE session_key = ?')
        .run('Again', 'telegram_555_dave');
      expect(await store.getSessionName('telegram_555_dave')).toBe('Again');
      zeroclaw.close();
    });
  });

  it('sets turn_started_at to now only for running, and finds running and stuck sessions', async () => {
    await withFixtures(async (dir) => {
      const store = open(dir);
      await store.setSessionState('telegram_12345_alice', 'running', 'turn-1');
      expect(await store.getSessionState('telegram_12345_alice')).toEqual({
        state: 'running',
        turnId: 'turn-1',
        turnStartedAt: '2026-03-26T12:00:00+00:00',
      });
      expect((await store.listRunningSessions()).map((s) => s.id).sort()).toEqual([
        'discord_998877_thread-42_bob',
        'telegram_12345_alice',
      ]);
      expect((await store.listStuckSessions(60)).map((s) => s.id)).toEqual(['discord_998877_thread-42_bob']);
      expect((await open(dir, NOW + 120_000).listStuckSessions(60)).map((s) => s.id).sort()).toEqual([
        'discord_998877_thread-42_bob',
        'telegram_12345_alice',
      ]);
      await store.setSessionState('telegram_12345_alice', 'error', 'turn-1');
      expect(await store.getSessionState('telegram_12345_alice')).toEqual({
        state: 'error',
        turnId: 'turn-1',
        turnStartedAt: null,
      });
      expect(await store.getSessionState('telegram_888_heidi')).toBeNull();
    });
  });

  it('keeps listing, without names, when sessions.db is unreadable, and then writes nothing', async () => {
    await withFixtures(async (dir) => {
      await writeFile(
        join(dir, 'sessions.db'),
        'not a database at all, but long enough to look like one'.repeat(20),
      );
      const store = open(dir);
      const facts = await store.describe('telegram_12345_alice');
      expect(facts).toMatchObject({
        metadata: null,
        messageCount: 6,
        dbProblem: expect.stringMatching(/not a readable SQLite/),
      });
      expect(await code(store.setSessionName('telegram_12345_alice', 'x'))).toBe('io');
      expect(await code(store.append('telegram_12345_alice', { role: 'user', content: 'x' }))).toBe(
        'unsupported',
      );
    });
  });
});

describe('ZeroclawSessionStore: files', () => {
  it('follows a symlink that stays inside the folder and refuses one that leaves it', async () => {
    await withTempDir(async (root) => {
      const dir = join(root, 'sessions');
      await mkdir(dir);
      await writeFile(join(root, 'outside.jsonl'), line('user', 'secret'));
      await writeFile(join(dir, 'real_one.jsonl'), line('user', 'a') + line('assistant', 'b'));
      await symlink(join(dir, 'real_one.jsonl'), join(dir, 'alias.jsonl'));
      await symlink(join(root, 'outside.jsonl'), join(dir, 'escape.jsonl'));
      const store = open(dir);
      expect(await store.load('alias')).toHaveLength(2);
      await store.removeLast('alias');
      expect(await readFile(join(dir, 'real_one.jsonl'), 'utf8')).toBe(line('user', 'a'));
      expect((await stat(join(dir, 'alias.jsonl'))).isFile()).toBe(true);
      expect(await code(store.describe('escape'))).toBe('invalid_input');
      await appendFile(join(root, 'outside.jsonl'), '');
    });
  });
});
