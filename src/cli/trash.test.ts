import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, filesUnder, json, run, terminalInput, writeSession } from './testing';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]) => run(['--home', home, '--root', root, ...argv], { cwd: base });

const controlOtherThanNewline = /[^\P{Cc}\n]/u;
const hostile = '\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31mEvil\rtitle\u0000';

interface Removed {
  trashId: string;
  undoId: string;
}

/** A session written and moved to the trash; returns its id, its bytes and what rm printed. */
async function trashed(name: string): Promise<{ id: string; original: string } & Removed> {
  const id = await writeSession(root, { name });
  const original = await readFile(join(root, `${id}.json`), 'utf8');
  const removed = json(await cli('rm', id, '--json')) as Removed;
  return { id, original, ...removed };
}

/** The contents of every file the trash holds. */
async function trashContents(): Promise<string[]> {
  const files = await filesUnder(join(home, 'trash')).catch(() => []);
  return Promise.all(files.map((file) => readFile(file, 'utf8')));
}

describe('trash', () => {
  it('says so when empty', async () => {
    await writeSession(root);
    expect(await cli('trash')).toEqual({ code: 0, stdout: 'The trash is empty.\n', stderr: '' });
    expect(json(await cli('trash', '--json'))).toEqual([]);
  });

  it('lists what rm moved, newest first, with its trash id, age, format, title, size and expiry', async () => {
    const first = await trashed('first');
    const second = await trashed('second');
    const result = await cli('trash');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TRASH ID +DELETED +FORMAT +TITLE +SIZE +EXPIRES +ID$/);
    const date = '\\d{4}-\\d\\d-\\d\\d';
    expect(lines[1]).toMatch(
      new RegExp(`^${second.trashId} +just now +ORCS +second +\\d+ B +${date} +${second.id}$`),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^${first.trashId} +just now +ORCS +first +\\d+ B +${date} +${first.id}$`),
    );
    expect(lines).toHaveLength(3);
  });

  it('--json prints the items newest first', async () => {
    const first = await trashed('first');
    const second = await trashed('second');
    const items = json(await cli('trash', '--json')) as { expiresAt: string; deletedAt: string }[];
    expect(items).toEqual([
      {
        trashId: second.trashId,
        deletedAt: expect.any(String),
        expiresAt: expect.any(String),
        format: 'orcs',
        root: { id: expect.stringMatching(/^[a-z0-9]+$/), path: root },
        sessionId: second.id,
        title: 'second',
        sizeBytes: second.original.length,
        files: [join(root, `${second.id}.json`)],
        state: 'trashed',
      },
      expect.objectContaining({ trashId: first.trashId, sessionId: first.id, title: 'first' }),
    ]);
    expect(Date.parse(items[0]?.expiresAt ?? '')).toBeGreaterThan(Date.parse(items[0]?.deletedAt ?? ''));
  });

  it('prints a hostile title without its control characters', async () => {
    await trashed(hostile);
    const result = await cli('trash');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    expect(result.stdout).toContain(' Evil title ');
  });
});

describe('restore', () => {
  it('puts one session back byte for byte and prints its undo id', async () => {
    const { id, original, trashId } = await trashed('doomed');
    const result = await cli('restore', trashId);
    const undoId = /undo ([a-z0-9-]+)\n$/.exec(result.stdout)?.[1] ?? '';
    expect(result).toEqual({
      code: 0,
      stdout: `Restored ${id} ("doomed"); undo with: sessionscope --home ${home} undo ${undoId}\n`,
      stderr: '',
    });
    expect(await readFile(join(root, `${id}.json`), 'utf8')).toBe(original);
    expect(json(await cli('trash', '--json'))).toEqual([]);
  });

  it('puts several back as one write, and one undo moves them all to the trash again', async () => {
    const a = await trashed('a');
    const b = await trashed('b');
    const result = await cli('restore', a.trashId, b.trashId);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const undoId =
      /undo all with: sessionscope --home \S+ undo ([a-z0-9-]+)\n$/.exec(result.stdout)?.[1] ?? '';
    expect(result.stdout).toBe(
      `Restored ${a.id} ("a")\nRestored ${b.id} ("b")\n` +
        `undo all with: sessionscope --home ${home} undo ${undoId}\n`,
    );
    expect((await readdir(root)).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());

    expect((await cli('undo', undoId)).code).toBe(0);
    expect(await readdir(root)).toEqual([]);
    const inTrash = (json(await cli('trash', '--json')) as { sessionId: string }[]).map(
      (item) => item.sessionId,
    );
    expect(inTrash.sort()).toEqual([a.id, b.id].sort());
  });

  it('--json prints {restored, undoId, failures}', async () => {
    const a = await trashed('a');
    const b = await trashed('b');
    expect(json(await cli('restore', a.trashId, b.trashId, '--json'))).toEqual({
      restored: [
        expect.objectContaining({ id: a.id, title: 'a' }),
        expect.objectContaining({ id: b.id, title: 'b' }),
      ],
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
      failures: [],
    });
  });

  it('refuses with conflict, exit 1, when the original path is taken, and keeps the session in the trash', async () => {
    const { id, original, trashId } = await trashed('doomed');
    const path = join(root, `${id}.json`);
    await writeFile(path, 'someone else');
    const result = await cli('restore', trashId);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^sessionscope: conflict: [^\\n]*${id}\\.json[^\\n]*\\n$`));
    expect(await readFile(path, 'utf8')).toBe('someone else');
    expect(json(await cli('trash', '--json'))).toEqual([expect.objectContaining({ trashId })]);
    expect(await trashContents()).toContain(original);
  });

  it('restores what it can of several, then names the rest on the error line, exit 1', async () => {
    const blocked = await trashed('blocked');
    const free = await trashed('free');
    await writeFile(join(root, `${blocked.id}.json`), 'someone else');
    const result = await cli('restore', blocked.trashId, free.trashId);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^Restored ${free.id} \\("free"\\); undo with: `));
    expect(result.stderr).toMatch(
      new RegExp(`^sessionscope: conflict: 1 of 2 sessions not restored: ${blocked.trashId}: [^\\n]+\\n$`),
    );
    expect(await readFile(join(root, `${free.id}.json`), 'utf8')).toBe(free.original);
    expect(json(await cli('trash', '--json'))).toEqual([
      expect.objectContaining({ trashId: blocked.trashId }),
    ]);
  });

  it('refuses a trash id the trash does not hold before restoring any', async () => {
    const { id, trashId } = await trashed('doomed');
    const result = await cli('restore', trashId, 'nothing-here');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `sessionscope: not_found: no trash item nothing-here (see sessionscope --home ${home} trash)\n`,
    });
    expect(await readdir(root)).toEqual([]);
    expect(json(await cli('trash', '--json'))).toEqual([expect.objectContaining({ sessionId: id })]);
  });

  it('refuses what is not a trash id as invalid_input', async () => {
    expect(await cli('restore', '../x')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sessionscope: invalid_input: not a trash id: "../x"\n',
    });
  });
});

describe('purge', () => {
  it('without --yes and no terminal refuses, exit 2, and changes nothing', async () => {
    const { original, trashId } = await trashed('doomed');
    const before = await filesUnder(home);
    const result = await cli('purge', trashId);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'sessionscope: invalid_input: purge deletes for good, and there is no terminal to confirm on: ' +
        'pass --yes to delete anyway; usage: sessionscope purge <trash-id>... [--yes]\n',
    });
    expect(json(await cli('trash', '--json'))).toEqual([expect.objectContaining({ trashId })]);
    expect(await trashContents()).toContain(original);
    expect((await filesUnder(home)).sort()).toEqual(before.sort());
  });

  it('--yes deletes for good: gone from the trash, its files gone, the log says so, nothing to undo', async () => {
    const kept = await trashed('kept');
    const doomed = await trashed('doomed');
    const result = await cli('purge', doomed.trashId, '--yes');
    expect(result).toEqual({ code: 0, stdout: `Deleted ${doomed.id} ("doomed") for good.\n`, stderr: '' });
    expect(json(await cli('trash', '--json'))).toEqual([expect.objectContaining({ trashId: kept.trashId })]);
    const contents = await trashContents();
    expect(contents).not.toContain(doomed.original);
    expect(contents).toContain(kept.original);
    expect(await readdir(root)).toEqual([]);
    const [entry] = json(await cli('log', '--json')) as Record<string, unknown>[];
    expect(entry).toMatchObject({ operation: 'purge', status: 'done', undoable: false });
  });

  it('--json prints {purged, failures}', async () => {
    const { trashId } = await trashed('doomed');
    expect(json(await cli('purge', trashId, '--yes', '--json'))).toEqual({ purged: [trashId], failures: [] });
  });

  it('asks on a terminal, and deletes only on yes', async () => {
    const { original, trashId } = await trashed('doomed');
    const ask = (answer: string) =>
      run(['--home', home, '--root', root, 'purge', trashId], { cwd: base, stdin: terminalInput(answer) });

    const declined = await ask('n\n');
    expect(declined.code).toBe(0);
    expect(declined.stdout).toBe('Nothing was deleted.\n');
    expect(declined.stderr).toMatch(
      new RegExp(`^  ${trashId}  ORCS  doomed\\nDelete 1 session for good\\? \\[y/N\\] $`),
    );
    expect(await trashContents()).toContain(original);

    // Enter alone, or input closed before an answer, is the default: no.
    expect((await ask('')).stdout).toBe('Nothing was deleted.\n');
    expect((await ask('\n')).stdout).toBe('Nothing was deleted.\n');
    expect(await trashContents()).toContain(original);

    const confirmed = await ask('y\n');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/ for good\.\n$/);
    expect(await trashContents()).not.toContain(original);
    expect(json(await cli('trash', '--json'))).toEqual([]);
  });

  it('asks about every session named, counting them', async () => {
    const a = await trashed('a');
    const b = await trashed('b');
    const result = await run(['--home', home, '--root', root, 'purge', a.trashId, b.trashId, a.trashId], {
      cwd: base,
      stdin: terminalInput('yes\n'),
    });
    expect(result.stderr).toMatch(/\nDelete 2 sessions for good\? \[y\/N\] $/);
    expect(result.stdout).toBe(`Deleted ${a.id} ("a") for good.\nDeleted ${b.id} ("b") for good.\n`);
    expect(json(await cli('trash', '--json'))).toEqual([]);
  });

  it('refuses a trash id the trash does not hold before deleting any', async () => {
    const { original, trashId } = await trashed('doomed');
    const result = await cli('purge', trashId, 'nothing-here', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `sessionscope: not_found: no trash item nothing-here (see sessionscope --home ${home} trash)\n`,
    );
    expect(await trashContents()).toContain(original);
  });
});
