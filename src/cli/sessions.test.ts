import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TurnSpec } from './testing';
import { cliSandbox, filesUnder, json, run, writeSession } from './testing';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]) => run(['--home', home, '--root', root, ...argv], { cwd: base });

async function rootId(): Promise<string> {
  const [only] = json(await cli('roots', '--json')) as { id: string }[];
  return only?.id ?? '';
}

/** The default places of every format, none of which exists under the test's own home. */
function lookedIn(): string {
  const orcs = join(base, '.orcs', 'sessions');
  const zeroclaw = join(base, '.zeroclaw', 'workspace', 'sessions');
  const yoi = join(base, '.insomnia', 'sessions');
  const pad = (path: string) => path + ' '.repeat(zeroclaw.length - path.length);
  return [
    'Looked in:',
    `  ORCS      ${pad(orcs)}  missing  (ORCS default, ~/.orcs/sessions)`,
    `  ZeroClaw  ${zeroclaw}  missing  (ZeroClaw default, ~/.zeroclaw/workspace/sessions)`,
    `  yoi       ${pad(yoi)}  missing  (yoi default, ~/.insomnia/sessions)`,
    '',
  ].join('\n');
}

const controlOtherThanNewline = /[^\P{Cc}\n]/u;
const hostile = '\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31mEvil\rtitle\u0000';

describe('roots', () => {
  it('--json prints each root as {id, path, format, origin, exists}', async () => {
    await writeSession(root);
    const roots = json(await cli('roots', '--json'));
    expect(roots).toEqual([
      { id: expect.stringMatching(/^[a-z0-9]+$/), path: root, format: 'orcs', origin: 'cli', exists: true },
    ]);
  });

  it('resolves a relative --root against the working directory', async () => {
    await writeSession(root);
    const roots = json(await run(['--home', home, '--root', 'sessions', 'roots', '--json'], { cwd: base }));
    expect(roots).toMatchObject([{ path: root }]);
  });

  it('says where it looked when it found no roots', async () => {
    const result = await run(['--home', home, 'roots'], { cwd: base });
    expect(result).toEqual({
      code: 0,
      stdout: `No roots.\n${lookedIn()}`,
      stderr: '',
    });
  });

  it('fails with not_found for a --root that is not a directory', async () => {
    const result = await run(['--home', home, '--root', join(base, 'nowhere'), 'list'], { cwd: base });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessionscope: not_found: [^\n]*nowhere[^\n]*\n$/);
  });
});

describe('list', () => {
  it('--json prints the list item shape, newest first', async () => {
    const older = await writeSession(root, {
      name: 'older',
      createdMs: 1_700_000_000_000,
      updatedMs: 1_700_000_001_000,
    });
    const newer = await writeSession(root, {
      name: 'newer',
      createdMs: 1_700_000_000_000,
      updatedMs: 1_700_000_009_000,
      turns: [
        { role: 'user', content: 'hi', timestampMs: 1_700_000_002_000 },
        { role: 'assistant', content: 'hello', timestampMs: 1_700_000_003_000 },
      ],
    });
    const id = await rootId();
    const items = json(await cli('list', '--json')) as Record<string, unknown>[];
    expect(items).toEqual([
      {
        root: id,
        id: newer,
        format: 'orcs',
        title: 'newer',
        createdAt: '2023-11-14T22:13:20.000Z',
        updatedAt: '2023-11-14T22:13:29.000Z',
        turnCount: 2,
        sizeBytes: expect.any(Number),
        unreadableLines: 0,
      },
      expect.objectContaining({ root: id, id: older, title: 'older', turnCount: 0 }),
    ]);
    expect(items[0]?.sizeBytes).toBeGreaterThan(0);
  });

  it('prints aligned columns for people, with session text stripped of terminal controls', async () => {
    const plain = await writeSession(root, { name: 'Fix the login bug', updatedMs: 1_700_000_009_000 });
    const evil = await writeSession(root, { name: hostile, updatedMs: 1_700_000_001_000 });
    const result = await cli('list');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TITLE +UPDATED +TURNS +ID$/);
    expect(lines[1]).toMatch(new RegExp(`^Fix the login bug +2023-11-1\\d +0 +${plain}$`));
    expect(lines[2]).toMatch(new RegExp(`^Evil title +2023-11-1\\d +0 +${evil}$`));
    const idColumn = lines[0]?.indexOf('ID');
    expect(lines.slice(1).map((line) => line.indexOf(plain) + line.indexOf(evil) + 1)).toEqual([
      idColumn,
      idColumn,
    ]);
  });

  it('says where it looked when no roots were given and nothing was found', async () => {
    const result = await run(['--home', home, 'list'], { cwd: base });
    expect(result).toEqual({
      code: 0,
      stdout: `No sessions.\n${lookedIn()}`,
      stderr: '',
    });
    expect(json(await run(['--home', home, 'list', '--json'], { cwd: base }))).toEqual([]);
  });
});

describe('show', () => {
  it('--json prints {summary, turns} with every turn, paging past the contract limit of 500', async () => {
    const turns: TurnSpec[] = Array.from({ length: 1203 }, (_, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `turn ${i}`,
      timestampMs: 1_700_000_000_000 + i * 1000,
      toolCalls:
        i === 1
          ? [{ tool_name: 'read', args: { path: 'a' }, result: { ok: 1 }, success: true, duration_ms: 3 }]
          : [],
    }));
    const id = await writeSession(root, { name: 'long', turns });
    const shown = json(await cli('show', id, '--json')) as {
      summary: Record<string, unknown>;
      turns: unknown[];
    };
    expect(shown.summary).toMatchObject({ root: await rootId(), id, title: 'long', turnCount: 1203 });
    expect(Object.keys(shown.summary).sort()).toEqual(
      [
        'createdAt',
        'format',
        'id',
        'root',
        'sizeBytes',
        'title',
        'turnCount',
        'unreadableLines',
        'updatedAt',
      ].sort(),
    );
    expect(shown.turns).toHaveLength(1203);
    expect(shown.turns[0]).toEqual({
      role: 'user',
      text: 'turn 0',
      time: '2023-11-14T22:13:20.000Z',
      toolCalls: [],
    });
    expect(shown.turns[1]).toEqual({
      role: 'assistant',
      text: 'turn 1',
      time: '2023-11-14T22:13:21.000Z',
      toolCalls: [
        { name: 'read', arguments: { path: 'a' }, result: { ok: 1 }, success: true, durationMs: 3 },
      ],
    });
    expect(shown.turns[1202]).toMatchObject({ text: 'turn 1202' });
  });

  it('prints a header and the turns for people, with hostile text stripped', async () => {
    const id = await writeSession(root, {
      name: hostile,
      turns: [
        { role: 'user', content: `please\n${hostile}`, timestampMs: 1_700_000_001_000 },
        {
          role: 'assistant',
          content: 'reading',
          timestampMs: 1_700_000_002_000,
          toolCalls: [
            {
              tool_name: 'read\u001b[31m',
              args: { path: '\u001b]0;x\u0007a' },
              result: null,
              success: false,
              duration_ms: 7,
            },
          ],
        },
      ],
    });
    const result = await cli('show', id);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Evil title');
    expect(result.stdout).toContain(`  id       ${id}\n`);
    expect(result.stdout).toContain(`  root     ${root}\n`);
    expect(result.stdout).toContain('  format   ORCS\n');
    expect(result.stdout).toMatch(/\n {2}turns {4}2 \(\d+(\.\d)? [KM]?B\)\n/);
    expect(result.stdout).toMatch(/\n#1 user · 2023-11-1\d \d\d:\d\d\n {2}please\n {2}Evil\n {2}title\n/);
    expect(result.stdout).toMatch(
      /\n#2 assistant · [^\n]+\n {2}reading\n {2}→ read \{"path":"\\u001b\]0;x\\u0007a"\} \(failed, 7 ms\)\n$/,
    );
  });
});

describe('finding a session by id', () => {
  it('fails with not_found, exit 1, when no root holds the id', async () => {
    await writeSession(root);
    const result = await cli('show', '00000000-0000-4000-8000-000000000000');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sessionscope: not_found: no session 00000000-0000-4000-8000-000000000000 in the given roots\n',
    });
  });

  it.each([['../x'], ['/etc/passwd'], ['.hidden'], ['a/b'], ['a\u0000b'], ['x'.repeat(300)]])(
    'refuses the id %j as invalid_input, exit 1, before looking anywhere',
    async (id) => {
      for (const argv of [
        ['show', id],
        ['rm', id],
        ['rename', id, 'new name'],
      ]) {
        const result = await cli(...argv);
        expect(result).toEqual({
          code: 1,
          stdout: '',
          stderr:
            'sessionscope: invalid_input: not a session id: ids use letters, digits, "_", "-" and ".", and never start with "."\n',
        });
      }
    },
  );

  it('asks for --root, as a usage error, when the id is in several roots', async () => {
    const other = join(base, 'other');
    await mkdir(other);
    const id = await writeSession(root, { name: 'here' });
    await writeSession(other, { id, name: 'there' });
    const result = await run(['--home', home, '--root', root, '--root', other, 'show', id], { cwd: base });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `sessionscope: invalid_input: session ${id} is in 2 roots (${root}, ${other}); choose one with --root DIR\n`,
    );
    const narrowed = await run(['--home', home, '--root', other, 'show', id, '--json'], { cwd: base });
    expect(json(narrowed)).toMatchObject({ summary: { title: 'there' } });
  });
});

describe('rename', () => {
  it("writes the new name into the session's own file", async () => {
    const id = await writeSession(root, { name: 'old name' });
    const result = await cli('rename', id, 'New name');
    const undoId = /undo ([a-z0-9-]+)\n$/.exec(result.stdout)?.[1] ?? '';
    expect(result).toEqual({
      code: 0,
      stdout: `Renamed ${id} to "New name"; undo with: sessionscope --home ${home} undo ${undoId}\n`,
      stderr: '',
    });
    expect(undoId).not.toBe('');
    const asset = JSON.parse(await readFile(join(root, `${id}.json`), 'utf8'));
    expect(asset.project_context.name).toBe('New name');
    expect(json(await cli('list', '--json'))).toMatchObject([{ id, title: 'New name' }]);
    expect(json(await cli('rename', id, 'Again', '--json'))).toEqual({
      summary: expect.objectContaining({ id, title: 'Again' }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
    });
  });

  it('refuses a name the contract rejects, exit 1, leaving the file alone', async () => {
    const id = await writeSession(root, { name: 'kept' });
    const before = await readFile(join(root, `${id}.json`), 'utf8');
    for (const name of ['   ', 'bell\u0007name', 'x'.repeat(201)]) {
      const result = await cli('rename', id, name);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sessionscope: invalid_input: title: [^\n]+\n$/);
    }
    expect(await readFile(join(root, `${id}.json`), 'utf8')).toBe(before);
  });
});

describe('rm and restore', () => {
  it('moves the session to the app trash under --home, and restore brings it back', async () => {
    const id = await writeSession(root, { name: 'doomed' });
    const keep = await writeSession(root, { name: 'kept' });
    const original = await readFile(join(root, `${id}.json`), 'utf8');

    const removed = await cli('rm', id);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toBe('');
    const [, trashId = '', undoId = ''] =
      /as ([a-z0-9-]+); .* undo ([a-z0-9-]+)\n$/.exec(removed.stdout) ?? [];
    expect(removed.stdout).toBe(
      `Moved ${id} ("doomed") to the app trash as ${trashId}; undo with: sessionscope --home ${home} undo ${undoId}\n`,
    );
    expect(await readdir(root)).toEqual([`${keep}.json`]);
    const trashed = await filesUnder(home);
    const copies = await Promise.all(trashed.map((file) => readFile(file, 'utf8')));
    expect(copies).toContain(original);

    const restored = await cli('restore', trashId);
    const restoreUndo = /undo ([a-z0-9-]+)\n$/.exec(restored.stdout)?.[1] ?? '';
    expect(restored).toEqual({
      code: 0,
      stdout: `Restored ${id} ("doomed"); undo with: sessionscope --home ${home} undo ${restoreUndo}\n`,
      stderr: '',
    });
    expect(await readFile(join(root, `${id}.json`), 'utf8')).toBe(original);
  });

  it('--json prints the trash id, the summary and the undo id', async () => {
    const id = await writeSession(root, { name: 'doomed' });
    const rootOfSession = await rootId();
    const removed = json(await cli('rm', id, '--json'));
    expect(removed).toEqual({
      trashId: expect.stringMatching(/^[a-z0-9-]+$/),
      summary: expect.objectContaining({ id, title: 'doomed', root: rootOfSession }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
    });
  });

  it('uses SESSIONSCOPE_HOME when --home is absent, resolved against the working directory', async () => {
    const id = await writeSession(root, { name: 'doomed' });
    const result = await run(['--root', root, 'rm', id], { cwd: base, env: { SESSIONSCOPE_HOME: 'state' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/; undo with: sessionscope undo [a-z0-9-]+\n$/);
    expect((await filesUnder(join(base, 'state'))).length).toBeGreaterThan(0);
  });

  it('quotes an unusual --home in the undo line so it can be pasted into a shell', async () => {
    const id = await writeSession(root, { name: 'doomed' });
    const odd = join(base, "it's here");
    const result = await run(['--home', odd, '--root', root, 'rm', id], { cwd: base });
    expect(result.stdout).toContain(`undo with: sessionscope --home '${base}/it'\\''s here' undo `);
  });

  it('reports a failure to write the trash as one line, never a stack', async () => {
    const id = await writeSession(root, { name: 'stays' });
    const blocked = join(base, 'not-a-dir');
    await writeFile(blocked, 'a file where the app-data directory should be');
    const result = await run(['--home', blocked, '--root', root, 'rm', id], { cwd: base });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sessionscope: io: [^\n]+\n$/);
    expect(result.stderr).not.toContain('    at ');
    expect(await readdir(root)).toEqual([`${id}.json`]);
  });
});
