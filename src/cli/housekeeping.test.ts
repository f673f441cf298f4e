import { mkdir, readdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, filesUnder, json, run, writeSession } from './testing';
import { messageLine, readMetadataRow, writeJsonl, writeSessionsDb } from './testing-zeroclaw';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]) => run(['--home', home, '--root', root, ...argv], { cwd: base });

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const controlOtherThanNewline = /[^\P{Cc}\n]/u;

/** A session last written `hoursAgo` hours ago: without a sessions.db row, its file's mtime says when. */
async function sessionAged(stem: string, hoursAgo: number): Promise<string> {
  const path = await writeJsonl(root, stem, messageLine('user', 'hello') + messageLine('assistant', 'hi'));
  const then = new Date(Date.now() - hoursAgo * hour);
  await utimes(path, then, then);
  return path;
}

describe('state', () => {
  it('says no state is recorded where sessions.db has no row', async () => {
    await sessionAged('cli_1_ann', 0);
    expect(await cli('state', 'cli_1_ann')).toEqual({
      code: 0,
      stdout: 'cli_1_ann: no state recorded\n',
      stderr: '',
    });
    expect(json(await cli('state', 'cli_1_ann', '--json'))).toEqual({
      summary: expect.objectContaining({ id: 'cli_1_ann', format: 'zeroclaw' }),
      state: null,
    });
  });

  it("prints the state sessions.db records, with a running turn's age", async () => {
    await sessionAged('cli_1_ann', 0);
    await sessionAged('cli_2_bob', 0);
    const started = Date.now() - 2 * hour - 5 * 60_000;
    writeSessionsDb(root, [
      {
        key: 'cli_1_ann',
        createdAt: iso(started),
        lastActivity: iso(started),
        messageCount: 2,
        state: 'running',
        turnId: 'turn-7',
        turnStartedAt: iso(started),
      },
      {
        key: 'cli_2_bob',
        createdAt: iso(started),
        lastActivity: iso(started),
        messageCount: 2,
        state: 'error',
      },
    ]);
    const running = await cli('state', 'cli_1_ann');
    expect(running.code).toBe(0);
    expect(running.stdout).toMatch(
      /^cli_1_ann: running for 2 h 5 min \(turn turn-7, since \d{4}-\d\d-\d\d \d\d:\d\d\)\n$/,
    );
    expect(await cli('state', 'cli_2_bob')).toEqual({ code: 0, stdout: 'cli_2_bob: error\n', stderr: '' });
    expect(json(await cli('state', 'cli_1_ann', '--json'))).toEqual({
      summary: expect.objectContaining({ id: 'cli_1_ann' }),
      state: { state: 'running', turnId: 'turn-7', turnStartedAt: expect.any(String) },
    });
  });

  it("records a state in sessions.db's session_metadata row, as ZeroClaw's backend would", async () => {
    const path = await sessionAged('cli_1_ann', 0);
    const transcript = await readFile(path, 'utf8');
    // An empty sessions.db, as ZeroClaw's SQLite backend creates it before its first session.
    writeSessionsDb(root, []);
    const before = Date.now();

    const recorded = await cli('state', 'cli_1_ann', 'running', '--turn-id', 'turn-8');
    const undoId = /undo ([a-z0-9-]+)\n$/.exec(recorded.stdout)?.[1] ?? '';
    expect(recorded).toEqual({
      code: 0,
      stdout: `Recorded cli_1_ann as running (turn turn-8); undo with: sessionscope --home ${home} undo ${undoId}\n`,
      stderr: '',
    });
    const row = readMetadataRow(root, 'cli_1_ann');
    expect(row).toMatchObject({ session_key: 'cli_1_ann', state: 'running', turn_id: 'turn-8' });
    expect(Date.parse(String(row?.turn_started_at))).toBeGreaterThanOrEqual(before - 1000);

    expect(json(await cli('state', 'cli_1_ann', 'idle', '--json'))).toEqual({
      summary: expect.objectContaining({ id: 'cli_1_ann' }),
      state: expect.objectContaining({ state: 'idle' }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
    });
    expect(readMetadataRow(root, 'cli_1_ann')).toMatchObject({ state: 'idle' });
    expect(await readFile(path, 'utf8')).toBe(transcript);
  });

  it('refuses a format that keeps no run state with unsupported, exit 1', async () => {
    const orcs = join(base, 'orcs');
    await mkdir(orcs);
    const id = await writeSession(orcs);
    const result = await run(['--home', home, '--root', orcs, 'state', id, 'running'], { cwd: base });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessionscope: unsupported: [^\n]+\n$/);
  });
});

describe('stuck', () => {
  beforeEach(async () => {
    for (const stem of ['cli_1_ann', 'cli_2_bob', 'cli_3_cy', 'cli_4_dee']) await sessionAged(stem, 0);
    const now = Date.now();
    const running = (key: string, ms: number, turnId: string) => ({
      key,
      createdAt: iso(now - ms),
      lastActivity: iso(now - ms),
      messageCount: 2,
      state: 'running' as const,
      turnId,
      turnStartedAt: iso(now - ms),
    });
    writeSessionsDb(root, [
      running('cli_1_ann', 10 * 60_000, 'turn-a'),
      running('cli_2_bob', 3 * hour, 'turn-\u001b[31mb'),
      running('cli_3_cy', 20_000, 'turn-c'),
      { key: 'cli_4_dee', createdAt: iso(now), lastActivity: iso(now), messageCount: 2, state: 'idle' },
    ]);
  });

  it('lists turns running longer than the threshold, longest first, with how long', async () => {
    const result = await cli('stuck', '--threshold-secs', '300');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TITLE +RUNNING FOR +TURN +ID$/);
    expect(lines.slice(1).map((line) => line.split(/ {2,}/).slice(1))).toEqual([
      ['3 h', 'turn-b', 'cli_2_bob'],
      ['10 min', 'turn-a', 'cli_1_ann'],
    ]);
  });

  it('--json prints [{summary, state}]', async () => {
    expect(json(await cli('stuck', '--threshold-secs', '300', '--json'))).toEqual([
      {
        summary: expect.objectContaining({ id: 'cli_2_bob' }),
        state: { state: 'running', turnId: 'turn-\u001b[31mb', turnStartedAt: expect.any(String) },
      },
      {
        summary: expect.objectContaining({ id: 'cli_1_ann' }),
        state: expect.objectContaining({ turnId: 'turn-a' }),
      },
    ]);
  });

  it('says so when nothing has run that long', async () => {
    expect(await cli('stuck', '--threshold-secs', '86400')).toEqual({
      code: 0,
      stdout: 'No session has been running for more than 86400 s.\n',
      stderr: '',
    });
    expect(json(await cli('stuck', '--threshold-secs', '86400', '--json'))).toEqual([]);
  });
});

describe('cleanup', () => {
  it('--dry-run lists the sessions past the TTL and moves nothing', async () => {
    await sessionAged('cli_1_old', 48);
    await sessionAged('cli_2_new', 1);
    const result = await cli('cleanup', '--ttl-hours', '24', '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Would move 1 session inactive for more than 24 h to the app trash:');
    expect(lines[1]).toMatch(/^TITLE +UPDATED +ID$/);
    expect(lines[2]).toMatch(/ 2 d ago +cli_1_old$/);
    expect(lines).toHaveLength(3);
    expect((await readdir(root)).sort()).toEqual(['cli_1_old.jsonl', 'cli_2_new.jsonl']);
    expect(json(await cli('cleanup', '--ttl-hours', '24', '--dry-run', '--json'))).toEqual([
      {
        trashId: null,
        summary: expect.objectContaining({ id: 'cli_1_old', format: 'zeroclaw' }),
        undoId: null,
      },
    ]);
  });

  it('moves the sessions past the TTL into <home>/trash, prints their trash ids, and restore brings one back', async () => {
    const oldPath = await sessionAged('cli_1_old', 48);
    await sessionAged('cli_3_older', 100);
    await sessionAged('cli_2_new', 1);
    const original = await readFile(oldPath, 'utf8');

    const result = await cli('cleanup', '--ttl-hours', '24');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Moved 2 sessions inactive for more than 24 h to the app trash:');
    expect(lines[1]).toMatch(/^TITLE +UPDATED +ID +TRASH ID$/);
    const trashIds = new Map(
      lines.slice(2, 4).map((line) => {
        const [, id = '', trashId = ''] = / (cli_\w+) +([a-z0-9-]+)$/.exec(line) ?? [];
        return [id, trashId];
      }),
    );
    expect([...trashIds.keys()].sort()).toEqual(['cli_1_old', 'cli_3_older']);
    expect(lines[4]).toBe(`restore one with: sessionscope --home ${home} restore <trash-id>`);
    expect(lines[5]).toMatch(new RegExp(`^undo with: sessionscope --home ${home} undo [a-z0-9-]+$`));
    expect(lines).toHaveLength(6);

    expect(await readdir(root)).toEqual(['cli_2_new.jsonl']);
    const trashed = await filesUnder(join(home, 'trash'));
    const copies = await Promise.all(trashed.map((file) => readFile(file, 'utf8')));
    expect(copies).toContain(original);
    expect(trashed.some((file) => file.endsWith('cli_3_older.jsonl'))).toBe(true);

    const restored = await cli('restore', trashIds.get('cli_1_old') ?? '');
    expect(restored.code).toBe(0);
    expect(await readFile(oldPath, 'utf8')).toBe(original);
    expect((await readdir(root)).sort()).toEqual(['cli_1_old.jsonl', 'cli_2_new.jsonl']);
  });

  it('prints one undo that puts back every session it moved', async () => {
    const paths = [await sessionAged('cli_1_old', 48), await sessionAged('cli_3_older', 100)];
    const originals = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
    const result = await cli('cleanup', '--ttl-hours', '24');
    const undoId = /\nundo with: sessionscope --home \S+ undo ([a-z0-9-]+)\n$/.exec(result.stdout)?.[1] ?? '';
    expect(await readdir(root)).toEqual([]);
    expect((await cli('undo', undoId)).code).toBe(0);
    expect(await Promise.all(paths.map((path) => readFile(path, 'utf8')))).toEqual(originals);
    expect(json(await cli('trash', '--json'))).toEqual([]);
  });

  it('--json prints [{trashId, summary, undoId}]', async () => {
    await sessionAged('cli_1_old', 48);
    expect(json(await cli('cleanup', '--ttl-hours', '24', '--json'))).toEqual([
      {
        trashId: expect.stringMatching(/^[a-z0-9-]+$/),
        summary: expect.objectContaining({ id: 'cli_1_old', format: 'zeroclaw' }),
        undoId: expect.stringMatching(/^[a-z0-9-]+$/),
      },
    ]);
  });

  it('says so when nothing is past the TTL', async () => {
    await sessionAged('cli_2_new', 1);
    expect(await cli('cleanup', '--ttl-hours', '1.5')).toEqual({
      code: 0,
      stdout: 'No session has been inactive for more than 1.5 h.\n',
      stderr: '',
    });
  });

  it('refuses a root named with --root whose format cannot expire sessions, before moving anything', async () => {
    await sessionAged('cli_1_old', 48);
    const orcs = join(base, 'orcs');
    await mkdir(orcs);
    await writeSession(orcs);
    const result = await run(
      ['--home', home, '--root', root, '--root', orcs, 'cleanup', '--ttl-hours', '24'],
      {
        cwd: base,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^sessionscope: unsupported: ${orcs}: [^\\n]+\\n$`));
    expect(await readdir(root)).toEqual(['cli_1_old.jsonl']);
  });

  it('passes over a named root that is empty, having nothing in it to expire', async () => {
    expect(await cli('cleanup', '--ttl-hours', '24')).toEqual({
      code: 0,
      stdout: 'No session has been inactive for more than 24 h.\n',
      stderr: '',
    });
  });

  it('skips discovered roots that cannot expire sessions, quietly', async () => {
    const orcs = join(base, '.orcs', 'sessions');
    const zeroclaw = join(base, '.zeroclaw', 'workspace', 'sessions');
    await mkdir(orcs, { recursive: true });
    await mkdir(zeroclaw, { recursive: true });
    const kept = await writeSession(orcs, { updatedMs: Date.now() - 100 * hour });
    const path = await writeJsonl(zeroclaw, 'cli_1_old', messageLine('user', 'hello'));
    const then = new Date(Date.now() - 48 * hour);
    await utimes(path, then, then);

    const result = await run(['--home', home, 'cleanup', '--ttl-hours', '24', '--json'], { cwd: base });
    expect(json(result)).toEqual([
      {
        trashId: expect.any(String),
        summary: expect.objectContaining({ id: 'cli_1_old' }),
        undoId: expect.any(String),
      },
    ]);
    expect(await readdir(orcs)).toEqual([`${kept}.json`]);
    expect(await readdir(zeroclaw)).toEqual([]);
  });
});
