import { appendFile, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../shared/model';
import { createLibrary } from '../../library';
import { RootOpener } from '../../roots';
import { adapterFor } from '../registry';
import { ZeroclawFormatStore, zeroclawFormat } from './index';
import { FIXTURES, code, line, withFixtures, withTempDir } from './testkit';

const NOW = Date.UTC(2026, 2, 26, 12, 0, 0);
const storeAt = (dir: string, now = NOW) =>
  new ZeroclawFormatStore({ id: 'root', path: dir }, { now: () => now });
const file = (dir: string, id: string) => join(dir, `${id}.jsonl`);

/** An hour ago: an unterminated last line this old is torn, not being written, so rewrites do not wait for it. */
async function settle(dir: string, id: string): Promise<void> {
  const past = new Date(Date.now() - 3_600_000);
  await utimes(file(dir, id), past, past);
}

/** The README's table: file name → what it covers. */
async function readme(): Promise<Map<string, string>> {
  const text = await readFile(join(FIXTURES, 'README.md'), 'utf8');
  return new Map([...text.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('the ZeroClaw fixtures through zeroclawFormat', () => {
  let list: SessionSummary[];
  let covers: Map<string, string>;
  const byId = (id: string): SessionSummary => {
    const found = list.find((s) => s.ref.id === id);
    if (!found) throw new Error(`no fixture ${id}`);
    return found;
  };

  beforeAll(async () => {
    covers = await readme();
    list = await withFixtures((dir) => storeAt(dir).list());
  });

  it('has at least 12 sessions, and the README describes every file', async () => {
    const names = await readdir(FIXTURES);
    expect(names.filter((n) => n.endsWith('.jsonl')).length).toBeGreaterThanOrEqual(12);
    for (const name of names) if (name !== 'README.md') expect(covers.has(name), name).toBe(true);
    expect([...covers.keys()].every((name) => names.includes(name))).toBe(true);
  });

  it('lists every loadable .jsonl and the sessions that live only in sessions.db', () => {
    const files = [...covers.keys()].filter((n) => n.endsWith('.jsonl') && n !== 'notes.v2.jsonl');
    const jsonl = list.filter((s) => s.storage === null).map((s) => `${s.ref.id}.jsonl`);
    expect(jsonl.sort()).toEqual(files.sort());
    expect(list.filter((s) => s.storage === 'sessions.db').map((s) => [s.ref.id, s.key])).toEqual([
      ['gw_web_session_7f3e', 'gw_web:session/7f3e'],
      ['telegram_100_old', null],
    ]);
    expect(
      list.every((s) => s.format === 'zeroclaw' && s.ref.root === 'root' && s.projectPath === null),
    ).toBe(true);
  });

  it('titles a session by its sessions.db name, else its original key, else its stem', () => {
    expect([byId('telegram_12345_alice').title, byId('telegram_12345_alice').untitled]).toEqual([
      'Lisbon weekend',
      false,
    ]);
    expect([byId('wechat_群聊_王小明').title, byId('wechat_群聊_王小明').untitled]).toEqual([
      '周会安排',
      false,
    ]);
    expect(byId('slack_C123_1_2_user_one')).toMatchObject({
      title: 'slack_C123_1.2_user one',
      untitled: true,
      key: 'slack_C123_1.2_user one',
    });
    expect(byId('matrix__room_example_org_carol')).toMatchObject({
      title: 'matrix_!room:example.org_carol',
      key: 'matrix_!room:example.org_carol',
    });
    expect(byId('user_Алиса')).toMatchObject({ title: 'user_Алиса', untitled: true, key: null });
    expect(byId('gw_web_session_7f3e')).toMatchObject({ title: 'Capitals quiz', untitled: false });
  });

  it('counts messages and unreadable lines as ZeroClaw would load them', () => {
    const counts = Object.fromEntries(list.map((s) => [s.ref.id, [s.turnCount, s.health.unreadableLines]]));
    expect(counts).toMatchObject({
      cli_corrupt: [3, 12],
      telegram_777_grace: [4, 1],
      telegram_888_heidi: [2, 1],
      telegram_889_ivan: [2, 0],
      whatsapp_4915112345678_frank: [3, 0],
      empty: [0, 0],
      gw_web_session_7f3e: [4, 1],
    });
    expect(list.every((s) => s.health.damaged === null)).toBe(true);
  });

  it('reads run states from session_metadata and offers writes only where they are safe', () => {
    expect(byId('discord_998877_thread-42_bob').state).toEqual({
      state: 'running',
      turnId: 'turn-7f3a',
      turnStartedAt: '2026-03-25T23:59:59.250Z',
    });
    expect(byId('telegram_555_dave').state).toEqual({
      state: 'error',
      turnId: 'turn-0042',
      turnStartedAt: null,
    });
    expect(byId('user_Алиса').state).toBeNull();
    const all = {
      rename: true,
      delete: true,
      append: true,
      removeLast: true,
      compact: true,
      setState: true,
      fork: false,
    };
    expect(byId('cli_corrupt').capabilities).toEqual(all);
    expect(byId('gw_web_session_7f3e').capabilities).toEqual({
      ...all,
      delete: false,
      append: false,
      removeLast: false,
      compact: false,
    });
  });

  it('gives the inspector the stem, key, storage and the session_metadata row', async () => {
    await withFixtures(async (dir) => {
      const { panels, compactions } = await storeAt(dir).detail('slack_C123_1_2_user_one');
      expect(compactions).toEqual([]);
      expect(panels).toEqual({
        format: 'zeroclaw',
        stem: 'slack_C123_1_2_user_one',
        key: 'slack_C123_1.2_user one',
        storage: 'jsonl',
        messageCount: 4,
        unreadableLines: 0,
        createdAt: '2026-03-21T14:00:00.000Z',
        lastActivity: expect.any(String),
        metadataRow: {
          session_key: 'slack_C123_1.2_user one',
          created_at: '2026-03-21T14:00:00+00:00',
          last_activity: '2026-03-21T14:03:12.250+00:00',
          message_count: 4,
          name: null,
          state: 'idle',
          turn_id: null,
          turn_started_at: null,
        },
      });
      expect((await storeAt(dir).detail('gw_web_session_7f3e')).panels).toMatchObject({
        storage: 'sqlite',
        key: 'gw_web:session/7f3e',
      });
    });
  });
});

describe('turns', () => {
  it('pages through messages with their index, no time and no id', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      const page = await store.turns('telegram_12345_alice', 2, 3);
      expect(page.total).toBe(6);
      expect(page.from).toBe(2);
      expect(page.turns.map((t) => [t.index, t.role, t.time, t.id])).toEqual([
        [2, 'user', null, null],
        [3, 'assistant', null, null],
        [4, 'user', null, null],
      ]);
      expect((await store.turns('telegram_12345_alice', 6, 10)).turns).toEqual([]);
      expect((await store.turns('gw_web_session_7f3e', 3, 5)).turns.map((t) => t.text)).toEqual([
        'Wellington.',
      ]);
      expect((await store.turns('cli_corrupt', 0, 10)).turns.map((t) => t.text)).toEqual([
        'the first line is fine',
        'a message as a JSON array: serde reads it',
        'and the last line is fine too',
      ]);
    });
  });

  it("marks the runtime's synthetic lines as notices", async () => {
    await withFixtures(async (dir) => {
      const { turns } = await storeAt(dir).turns('telegram_555_dave', 0, 10);
      expect(turns.filter((t) => t.notice).map((t) => t.text)).toEqual([
        '[Session interrupted — not continuing this request]',
        '[Task failed — not continuing this request]',
        '[Task timed out — not continuing this request]',
      ]);
    });
  });

  it('turns an old [Used tools: …] prefix into tool calls and strips it from the text', async () => {
    await withFixtures(async (dir) => {
      const { turns } = await storeAt(dir).turns('slack_C777_erin', 0, 10);
      expect(turns.map((t) => [t.text, t.toolCalls.map((c) => c.name)])).toEqual([
        ['how much disk is left on build-01?', []],
        ['build-01 has 41 GB free of 500 GB (92% used).', ['shell']],
        ['clean the docker cache and check again', []],
        ['Cleaned 120 GB of dangling images; 161 GB free now.', ['shell', 'file_read', 'shell']],
        ['thanks', []],
        ['', ['memory_store']],
        ['Noted for next time.', []],
      ]);
      expect(turns[1]?.toolCalls[0]).toEqual({
        name: 'shell',
        arguments: null,
        result: null,
        success: null,
        durationMs: null,
      });
    });
  });
});

describe('unreadable lines', () => {
  it('lists each with its line number, byte offset, reason and a preview with control characters shown', async () => {
    await withFixtures(async (dir) => {
      const lines = await storeAt(dir).unreadable('cli_corrupt');
      const text = await readFile(file(dir, 'cli_corrupt'));
      expect(lines.map((l) => l.lineNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]);
      for (const l of lines) expect(text[l.byteOffset - 1]).toBe(0x0a);
      expect(lines[1]?.preview.startsWith('␀␀␀')).toBe(true);
      expect(lines[1]?.reason).toMatch(/NUL/);
      expect(lines.map((l) => l.reason)).toContain('duplicate field `content`');
      const torn = await storeAt(dir).unreadable('telegram_888_heidi');
      expect(torn).toEqual([
        {
          lineNumber: 3,
          byteOffset: expect.any(Number),
          preview: '{"role":"user","content":"another one about win',
          reason: expect.stringMatching(/^torn last line, no newline/),
        },
      ]);
      expect(await storeAt(dir).unreadable('gw_web_session_7f3e')).toEqual([
        {
          lineNumber: 6,
          byteOffset: 0,
          preview: '{"exit":0}',
          reason: 'row 6: role is text and content is blob, not text',
        },
      ]);
    });
  });

  it('cuts a long preview', async () => {
    await withTempDir(async (dir) => {
      await writeFile(file(dir, 'long'), `${'x'.repeat(10_000)}\n`);
      const [only] = await storeAt(dir).unreadable('long');
      expect(only?.preview).toHaveLength(2001);
      expect(only?.preview.endsWith('…')).toBe(true);
    });
  });
});

describe('writes and their undo', () => {
  it('appends, and undoing removes exactly the appended bytes', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      const before = await readFile(file(dir, 'telegram_888_heidi'));
      const { summary, undo } = await store.append('telegram_888_heidi', {
        role: 'assistant',
        content: 'Frost',
      });
      expect(summary.turnCount).toBe(3);
      expect(undo).toMatchObject({ format: 'zeroclaw', op: 'append' });
      expect(await store.revert('telegram_888_heidi', undo ?? {})).toMatchObject({ turnCount: 2 });
      expect(await readFile(file(dir, 'telegram_888_heidi'))).toEqual(before);
    });
  });

  it('refuses to undo an append that is no longer the last line', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      const { undo } = await store.append('telegram_12345_alice', { role: 'user', content: 'one' });
      await appendFile(file(dir, 'telegram_12345_alice'), line('assistant', 'the agent answered'));
      const after = await readFile(file(dir, 'telegram_12345_alice'));
      expect(await code(store.revert('telegram_12345_alice', undo ?? {}))).toBe('conflict');
      expect(await readFile(file(dir, 'telegram_12345_alice'))).toEqual(after);
    });
  });

  it('removes the last message, and undoing puts its bytes back where they were', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      for (const id of ['whatsapp_4915112345678_frank', 'telegram_889_ivan', 'cli_corrupt']) {
        await settle(dir, id);
        const before = await readFile(file(dir, id));
        const { summary, undo } = await store.removeLast(id);
        expect(summary.turnCount).toBeLessThan((await storeAt(dir).turns(id, 0, 1)).total + 1);
        expect(undo).toMatchObject({ op: 'removeLast' });
        await store.revert(id, undo ?? {});
        expect(await readFile(file(dir, id)), id).toEqual(before);
      }
      expect((await store.removeLast('empty')).undo).toBeNull();
    });
  });

  it('undoes a removal after later appends, keeping them after the restored message', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      const { undo } = await store.removeLast('telegram_12345_alice');
      await appendFile(file(dir, 'telegram_12345_alice'), line('user', 'new question'));
      await store.revert('telegram_12345_alice', undo ?? {});
      const { turns } = await store.turns('telegram_12345_alice', 5, 5);
      expect(turns.map((t) => t.text)).toEqual([
        'Enjoy the trip. Bring comfortable shoes: Lisbon is hills all the way down.',
        'new question',
      ]);
    });
  });

  it('refuses to undo a removal when the bytes before it changed', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      const { undo } = await store.removeLast('telegram_12345_alice');
      await store.removeLast('telegram_12345_alice');
      expect(await code(store.revert('telegram_12345_alice', undo ?? {}))).toBe('conflict');
    });
  });

  it('compacts exactly what the preview lists, and undoing restores every byte', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      for (const id of ['cli_corrupt', 'telegram_777_grace']) {
        const before = await readFile(file(dir, id));
        const preview = await store.compactPreview(id);
        const { summary, undo } = await store.compact(id);
        expect(summary.health.unreadableLines).toBe(0);
        expect(summary.turnCount).toBe(preview.keptMessages);
        const after = await readFile(file(dir, id), 'utf8');
        for (const dropped of preview.dropped)
          if (dropped.preview.trim()) expect(after).not.toContain(dropped.preview);
        expect(after.split('\n').length - 1).toBe(
          before.toString().split('\n').length - 1 - preview.dropped.length,
        );
        await store.revert(id, undo ?? {});
        expect(await readFile(file(dir, id)), id).toEqual(before);
      }
      expect(await storeAt(dir).compactPreview('telegram_12345_alice')).toEqual({
        dropped: [],
        keptMessages: 6,
      });
      expect((await store.compact('telegram_12345_alice')).undo).toBeNull();
    });
  });

  it('undoes a compaction after later appends, and refuses after an edit inside it', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      const { undo } = await store.compact('cli_corrupt');
      await appendFile(file(dir, 'cli_corrupt'), line('user', 'after'));
      await store.revert('cli_corrupt', undo ?? {});
      expect((await store.summary('cli_corrupt')).health.unreadableLines).toBe(12);
      expect((await store.turns('cli_corrupt', 3, 1)).turns[0]?.text).toBe('after');

      const again = await store.compact('telegram_777_grace');
      await store.removeLast('telegram_777_grace');
      expect(await code(store.revert('telegram_777_grace', again.undo ?? {}))).toBe('conflict');
      expect(await code(store.revert('telegram_777_grace', { format: 'zeroclaw', op: 'nonsense' }))).toBe(
        'invalid_input',
      );
      expect(await code(store.revert('telegram_777_grace', { format: 'orcs' }))).toBe('invalid_input');
    });
  });

  it('refuses writes to sessions that live in sessions.db, and to ids ZeroClaw cannot have', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      expect(await code(store.append('gw_web_session_7f3e', { role: 'user', content: 'x' }))).toBe(
        'unsupported',
      );
      expect(await code(store.compact('gw_web_session_7f3e'))).toBe('unsupported');
      expect(await code(store.compactPreview('gw_web_session_7f3e'))).toBe('unsupported');
      expect(await code(store.files('gw_web_session_7f3e'))).toBe('unsupported');
      expect(await code(store.append('missing_one', { role: 'user', content: 'x' }))).toBe('not_found');
      expect(await readdir(dir)).not.toContain('missing_one.jsonl');
      for (const id of ['../etc/passwd', 'a.b', '', 'CON']) {
        expect(await code(store.summary(id)), id).toBe('invalid_input');
        expect(await code(store.turns(id, 0, 1)), id).toBe('invalid_input');
      }
      expect(await code(store.summary('not_there'))).toBe('not_found');
    });
  });
});

describe('names, states, stale and stuck', () => {
  it('renames through sessions.db and records run states', async () => {
    await withFixtures(async (dir) => {
      const store = storeAt(dir);
      expect(await store.rename('user_Алиса', 'Японский')).toMatchObject({
        title: 'Японский',
        untitled: false,
      });
      expect(await store.rename('gw_web_session_7f3e', 'Geography')).toMatchObject({ title: 'Geography' });
      expect((await store.setState('user_Алиса', 'running', 't-1')).state).toEqual({
        state: 'running',
        turnId: 't-1',
        turnStartedAt: '2026-03-26T12:00:00.000Z',
      });
      expect((await storeAt(dir, NOW + 3_600_000).stuck(60)).map((s) => s.ref.id).sort()).toEqual([
        'discord_998877_thread-42_bob',
        'user_Алиса',
      ]);
      expect((await store.setState('user_Алиса', 'idle', null)).state).toEqual({
        state: 'idle',
        turnId: null,
        turnStartedAt: null,
      });
    });
  });

  it('offers only trashable sessions as stale', async () => {
    await withFixtures(async (dir) => {
      const old = new Date(Date.UTC(2026, 0, 1));
      await utimes(file(dir, 'empty'), old, old);
      expect((await storeAt(dir).stale(24)).map((s) => s.ref.id)).toEqual(['empty']);
      expect(await storeAt(dir).files('empty')).toEqual([file(dir, 'empty')]);
    });
  });
});

describe('in the app', () => {
  it('is registered and detected', async () => {
    expect(adapterFor('zeroclaw')).toBe(zeroclawFormat);
    await withFixtures(async (dir) => {
      const [root] = await new RootOpener().explicit([dir], dir);
      expect(root?.format).toBe('zeroclaw');
    });
  });

  it('works through the Library: list, append, undo, delete to the trash and restore', async () => {
    await withFixtures(async (dir) => {
      await withTempDir(async (appData) => {
        const library = createLibrary({
          appDataDir: appData,
          env: { home: appData, vars: {} },
          roots: [dir],
          resourcesDir: appData,
          host: 'cli',
          version: 'test',
        });
        const h = library.handlers;
        const sessions = await h['sessions.list']({});
        expect(sessions.filter((s) => s.format === 'zeroclaw')).toHaveLength(16);
        const ref = sessions.find((s) => s.ref.id === 'telegram_12345_alice')?.ref ?? { root: '', id: '' };
        const before = await readFile(file(dir, ref.id));
        const written = await h['session.append']({
          ref,
          message: { role: 'user', content: 'via the library' },
        });
        expect(written.undoId).not.toBeNull();
        await h['undo.apply']({ undoId: written.undoId ?? '' });
        expect(await readFile(file(dir, ref.id))).toEqual(before);
        const { trashId } = await h['session.delete']({ ref });
        expect(await readdir(dir)).not.toContain('telegram_12345_alice.jsonl');
        expect((await h['trash.restore']({ trashId })).summary.title).toBe('Lisbon weekend');
        expect(await readFile(file(dir, ref.id))).toEqual(before);
        await library.close();
      });
    });
  });
});
