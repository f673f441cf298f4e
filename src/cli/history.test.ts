import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, json, run, writeSession } from './testing';
import { messageLine, writeJsonl } from './testing-zeroclaw';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]) => run(['--home', home, '--root', root, ...argv], { cwd: base });

const controlOtherThanNewline = /[^\P{Cc}\n]/u;
const hostile = '\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31mEvil\rtitle\u0000';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface LoggedFile {
  path: string;
  sha256Before: string | null;
  sha256After: string | null;
}
interface Logged {
  id: string;
  at: string;
  operation: string;
  sessions: { root: string; id: string; format: string; title: string }[];
  files: LoggedFile[];
  status: string;
  undoes: string | null;
  undoneBy: string | null;
  undoable: boolean;
}

const log = async () => json(await cli('log', '--json')) as Logged[];

/** The undo id at the end of a write's one-line report. */
function undoIdOf(stdout: string): string {
  const match = /undo with: sessionscope --home \S+ undo ([a-z0-9-]+)\n$/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return match?.[1] ?? '';
}

describe('rm, trash, restore, log and undo together', () => {
  it('follows a session into the trash and back, and undo sends it to the trash again', async () => {
    const id = await writeSession(root, { name: 'doomed' });
    const path = join(root, `${id}.json`);
    const original = await readFile(path, 'utf8');

    const removed = await cli('rm', id);
    expect(removed.code).toBe(0);
    const deleteId = undoIdOf(removed.stdout);
    const [item] = json(await cli('trash', '--json')) as { trashId: string; sessionId: string }[];
    expect(item).toMatchObject({ sessionId: id, title: 'doomed' });
    expect(removed.stdout).toContain(` as ${item?.trashId}; `);

    const restored = await cli('restore', item?.trashId ?? '');
    expect(restored.code).toBe(0);
    const restoreId = undoIdOf(restored.stdout);
    expect(await readFile(path, 'utf8')).toBe(original);

    const entries = await log();
    expect(entries.map((entry) => [entry.operation, entry.id])).toEqual([
      ['restore', restoreId],
      ['delete', deleteId],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ status: 'done', sessions: [{ id, format: 'orcs', title: 'doomed' }] });
      expect(entry.files.map((file) => file.path)).toEqual([path]);
    }
    expect(entries[0]?.files[0]?.sha256After).toBe(sha256(original));

    const undone = await cli('undo');
    expect(undone).toEqual({ code: 0, stdout: expect.stringMatching(/^[^\n]*doomed[^\n]*\n$/), stderr: '' });
    expect(await readdir(root)).toEqual([]);
    expect(json(await cli('trash', '--json'))).toEqual([expect.objectContaining({ sessionId: id })]);
    const [undo, restore] = await log();
    expect(undo).toMatchObject({ operation: 'undo', undoes: restoreId, status: 'done' });
    expect(restore).toMatchObject({ id: restoreId, undoneBy: undo?.id, undoable: false });
  });
});

describe('undo', () => {
  it('takes back an rm by the undo id it printed, byte for byte', async () => {
    const id = await writeSession(root, { name: 'doomed' });
    const path = join(root, `${id}.json`);
    const original = await readFile(path, 'utf8');
    const undoId = undoIdOf((await cli('rm', id)).stdout);
    expect(await readdir(root)).toEqual([]);
    expect(await cli('undo', undoId)).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^[^\n]*doomed[^\n]*\n$/),
      stderr: '',
    });
    expect(await readFile(path, 'utf8')).toBe(original);
    expect(json(await cli('trash', '--json'))).toEqual([]);
  });

  it('with nothing to undo is not_found, exit 1', async () => {
    await writeSession(root);
    expect(await cli('undo')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sessionscope: not_found: nothing to undo\n',
    });
  });

  it('without an id takes back the latest write still done, then the one before, then says there is none', async () => {
    const id = await writeSession(root, { name: 'old name' });
    const path = join(root, `${id}.json`);
    expect((await cli('rename', id, 'Middle')).code).toBe(0);
    expect((await cli('rename', id, 'New name')).code).toBe(0);

    const first = await cli('undo');
    expect(first).toEqual({ code: 0, stdout: expect.stringMatching(/^[^\n]*Middle[^\n]*\n$/), stderr: '' });
    expect(json(await cli('list', '--json'))).toMatchObject([{ id, title: 'Middle' }]);

    expect((await cli('undo')).code).toBe(0);
    expect(json(await cli('list', '--json'))).toMatchObject([{ id, title: 'old name' }]);
    expect(JSON.parse(await readFile(path, 'utf8')).project_context.name).toBe('old name');

    expect((await cli('undo')).stderr).toBe('sessionscope: not_found: nothing to undo\n');
  });

  it('with an id takes back that write, and --json prints {undone, summaries, message}', async () => {
    const id = await writeSession(root, { name: 'old name' });
    const renamed = json(await cli('rename', id, 'New name', '--json')) as { undoId: string };
    const result = json(await cli('undo', renamed.undoId, '--json')) as { message: string };
    expect(result).toEqual({
      undone: expect.objectContaining({
        id: renamed.undoId,
        operation: 'rename',
        undoneBy: expect.any(String),
      }),
      summaries: [expect.objectContaining({ id, title: 'old name' })],
      message: expect.stringContaining('old name'),
    });
    expect(json(await cli('list', '--json'))).toMatchObject([{ id, title: 'old name' }]);
  });

  it('prints the message clean of control characters from a hostile title', async () => {
    const id = await writeSession(root, { name: hostile });
    expect((await cli('rename', id, 'Plain')).code).toBe(0);
    const result = await cli('undo');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    expect(result.stdout).toContain('Evil title');
  });
});

describe('log', () => {
  it('says so when nothing was written', async () => {
    await writeSession(root);
    expect(await cli('log')).toEqual({ code: 0, stdout: 'No writes recorded.\n', stderr: '' });
    expect(json(await cli('log', '--json'))).toEqual([]);
  });

  it('--json holds each file with its sha256 before and after the write', async () => {
    const id = await writeSession(root, { name: 'old name' });
    const path = join(root, `${id}.json`);
    const before = await readFile(path, 'utf8');
    const { undoId } = json(await cli('rename', id, 'New name', '--json')) as { undoId: string };
    const after = await readFile(path, 'utf8');
    expect(after).not.toBe(before);

    expect(await log()).toEqual([
      {
        id: undoId,
        at: expect.any(String),
        operation: 'rename',
        sessions: [{ root: expect.any(String), id, format: 'orcs', title: 'New name' }],
        files: [{ path, sha256Before: sha256(before), sha256After: sha256(after) }],
        status: 'done',
        error: null,
        detail: expect.any(String),
        undoes: null,
        undoneBy: null,
        undoable: true,
      },
    ]);
  });

  it('prints the newest first with short hashes, marking what was undone and by what', async () => {
    const stem = 'telegram_1_ann';
    const path = await writeJsonl(root, stem, messageLine('user', 'hello'));
    const before = await readFile(path, 'utf8');
    const appended = await cli('append', stem, '--role', 'assistant', '--content', 'hi');
    const appendId = undoIdOf(appended.stdout);
    const after = await readFile(path, 'utf8');
    expect((await cli('undo')).code).toBe(0);
    const [undo] = await log();

    const result = await cli('log');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d';
    const short = (text: string) => sha256(text).slice(0, 12);
    const [undoBlock, appendBlock, ...rest] = result.stdout.split('\n\n');
    expect(rest).toEqual([]);
    expect(undoBlock).toMatch(new RegExp(`^${time}  undo  done  ${undo?.id}\n`));
    expect(undoBlock).toContain(`\n  session    ${stem}\n`);
    expect(undoBlock).toContain(`\n  file       ${path}  ${short(after)} → ${short(before)}\n`);
    expect(undoBlock).toMatch(new RegExp(`\n  undoes     ${appendId}\n?$`));
    expect(appendBlock).toMatch(new RegExp(`^${time}  append  done \\(undone\\)  ${appendId}\n`));
    expect(appendBlock).toContain(`\n  file       ${path}  ${short(before)} → ${short(after)}\n`);
    expect(appendBlock).toMatch(new RegExp(`\n  undone by  ${undo?.id}\n$`));
  });

  it('shows a file that was not there as none', async () => {
    const id = await writeSession(root, { name: 'doomed' });
    const { trashId } = json(await cli('rm', id, '--json')) as { trashId: string };
    expect((await cli('restore', trashId)).code).toBe(0);
    const result = await cli('log', '--limit', '1');
    expect(result.stdout).toMatch(new RegExp(`^\\S+ \\S+  restore  done  [a-z0-9-]+\n`));
    expect(result.stdout).toMatch(
      new RegExp(`\n  file       ${join(root, id)}\\.json  none → [0-9a-f]{12}\n$`),
    );
  });

  it('--limit N gives the newest N', async () => {
    const id = await writeSession(root, { name: 'a' });
    for (const name of ['b', 'c', 'd']) expect((await cli('rename', id, name)).code).toBe(0);
    const newest = json(await cli('log', '--limit', '2', '--json')) as Logged[];
    expect(newest.map((entry) => entry.sessions[0]?.title)).toEqual(['d', 'c']);
    expect(newest).toEqual((await log()).slice(0, 2));
  });

  it('prints session text from the log clean of control characters', async () => {
    // The rename's detail quotes the old name; the delete's session keeps it as its title.
    const renamed = await writeSession(root, { name: hostile });
    expect((await cli('rename', renamed, 'Plain')).code).toBe(0);
    const deleted = await writeSession(root, { name: hostile });
    expect((await cli('rm', deleted)).code).toBe(0);
    const result = await cli('log');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    expect(result.stdout).toContain(`\n  session    ${deleted} ("Evil title")\n`);
    expect(result.stdout).toMatch(/\n {2}detail {5}[^\n]*Evil title[^\n]*\n/);
  });
});
