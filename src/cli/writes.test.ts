import { mkdir, readFile, stat } from 'node:fs/promises';
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

const stem = 'telegram_42_alice';
const controlOtherThanNewline = /[^\P{Cc}\n]/u;

/** A two-message session; returns its path and bytes. */
async function conversation(): Promise<{ path: string; before: string }> {
  const before = messageLine('user', 'hello') + messageLine('assistant', 'hi there');
  return { path: await writeJsonl(root, stem, before), before };
}

function undoIdOf(stdout: string): string {
  const match = /; undo with: sessionscope --home \S+ undo ([a-z0-9-]+)\n$/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return match?.[1] ?? '';
}

describe('append', () => {
  it('adds the message at the end of the JSONL file byte-for-byte and prints how to undo it', async () => {
    const { path, before } = await conversation();
    const result = await cli('append', stem, '--role', 'user', '--content', 'hi');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const undoId = undoIdOf(result.stdout);
    expect(result.stdout).toBe(
      `Appended one user message to ${stem} (3 turns now); undo with: sessionscope --home ${home} undo ${undoId}\n`,
    );
    expect(await readFile(path, 'utf8')).toBe(`${before}{"role":"user","content":"hi"}\n`);
  });

  it('--json prints {summary, undoId}, and undo takes the message back off', async () => {
    const { path, before } = await conversation();
    const appended = json(await cli('append', stem, '--role', 'assistant', '--content', 'done', '--json'));
    expect(appended).toEqual({
      summary: expect.objectContaining({ id: stem, format: 'zeroclaw', turnCount: 3 }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
    });
    const { undoId } = appended as { undoId: string };
    const undone = await cli('undo', undoId);
    // The core's words for the undo, naming the session, on one line.
    expect(undone).toEqual({ code: 0, stdout: expect.stringMatching(/^[^\n]+\n$/), stderr: '' });
    expect(undone.stdout).toContain(stem);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('writes hostile content as JSON escapes and never echoes it to the terminal', async () => {
    const { path, before } = await conversation();
    const hostile = '\u001b]52;c;ZXZpbA==\u0007\u001b[2Jgotcha\r\n';
    const result = await cli('append', stem, '--role', 'user', '--content', hostile);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    expect(await readFile(path, 'utf8')).toBe(before + messageLine('user', hostile));
  });

  it('takes an empty message, which ZeroClaw stores like any other', async () => {
    const { path, before } = await conversation();
    expect((await cli('append', stem, '--role', 'user', '--content', '')).code).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(`${before}{"role":"user","content":""}\n`);
  });

  it('refuses a role the contract rejects, exit 1, leaving the file alone', async () => {
    const { path, before } = await conversation();
    for (const role of ['User', 'two words', '']) {
      const result = await cli('append', stem, '--role', role, '--content', 'x');
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: 'sessionscope: invalid_input: message.role: a role is a short lowercase word\n',
      });
    }
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('fails with not_found for a session that is not there', async () => {
    await conversation();
    expect(await cli('append', 'nobody', '--role', 'user', '--content', 'x')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sessionscope: not_found: no session nobody in the given roots\n',
    });
  });

  it("fails with unsupported for a format that can't take messages, changing nothing", async () => {
    const orcs = join(base, 'orcs');
    await mkdir(orcs);
    const id = await writeSession(orcs, { name: 'kept' });
    const before = await readFile(join(orcs, `${id}.json`), 'utf8');
    const result = await run(
      ['--home', home, '--root', orcs, 'append', id, '--role', 'user', '--content', 'x'],
      {
        cwd: base,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessionscope: unsupported: [^\n]+\n$/);
    expect(await readFile(join(orcs, `${id}.json`), 'utf8')).toBe(before);
  });
});

describe('remove-last', () => {
  it('drops the last message and prints the count left; undo puts the bytes back', async () => {
    const { path, before } = await conversation();
    const result = await cli('remove-last', stem);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const undoId = undoIdOf(result.stdout);
    expect(result.stdout).toBe(
      `Removed the last message of ${stem} (1 turn left); undo with: sessionscope --home ${home} undo ${undoId}\n`,
    );
    expect(await readFile(path, 'utf8')).toBe(messageLine('user', 'hello'));
    expect((await cli('undo', undoId)).code).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('--json prints {summary, undoId}', async () => {
    await conversation();
    expect(json(await cli('remove-last', stem, '--json'))).toEqual({
      summary: expect.objectContaining({ id: stem, format: 'zeroclaw', turnCount: 1 }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
    });
  });

  it('says so, changing nothing, when the session has no messages', async () => {
    const path = await writeJsonl(root, stem, '');
    // A second session, so the root is recognised by a line the detector can read.
    await writeJsonl(root, 'other', messageLine('user', 'hello'));
    expect(await cli('remove-last', stem)).toEqual({
      code: 0,
      stdout: `${stem} has no messages; nothing was removed.\n`,
      stderr: '',
    });
    expect(json(await cli('remove-last', stem, '--json'))).toEqual({
      summary: expect.objectContaining({ id: stem, turnCount: 0 }),
      undoId: null,
    });
    expect(await readFile(path, 'utf8')).toBe('');
  });
});

/** Two messages among a blank line, a line that is not JSON, and one without content. */
const untidy = [
  messageLine('user', 'hello'),
  '\n',
  'not json \u001b[31mred\u001b]0;title\u0007\n',
  messageLine('assistant', 'hi there'),
  '{"role":"user"}\n',
].join('');

describe('compact --dry-run', () => {
  it('lists the lines it would drop, with numbers and reasons and cleaned text, and changes nothing', async () => {
    const path = await writeJsonl(root, stem, untidy);
    const mtime = (await stat(path)).mtimeMs;
    const result = await cli('compact', stem, '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(controlOtherThanNewline);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Compacting ${stem} would drop 3 lines and keep 2 messages:`);
    expect(lines[1]).toMatch(/^LINE +REASON +TEXT$/);
    expect(lines.slice(2).map((line) => /^ *(\d+) /.exec(line)?.[1])).toEqual(['2', '3', '5']);
    // The core shows control characters as visible symbols; whatever it gives is printed clean.
    expect(lines[3]).toMatch(/ not json \S*red\S*$/);
    expect(lines[4]).toMatch(/ \{"role":"user"\}$/);
    expect(await readFile(path, 'utf8')).toBe(untidy);
    expect((await stat(path)).mtimeMs).toBe(mtime);
  });

  it('--json prints {dropped: [{lineNumber, byteOffset, reason, preview}], keptMessages}', async () => {
    await writeJsonl(root, stem, untidy);
    const preview = json(await cli('compact', stem, '--dry-run', '--json')) as {
      dropped: Record<string, unknown>[];
      keptMessages: number;
    };
    expect(preview.keptMessages).toBe(2);
    const firstLine = messageLine('user', 'hello');
    expect(preview.dropped).toEqual([
      { lineNumber: 2, byteOffset: firstLine.length, reason: expect.any(String), preview: '' },
      {
        lineNumber: 3,
        byteOffset: firstLine.length + 1,
        reason: expect.any(String),
        preview: expect.stringMatching(/^not json .*red/),
      },
      {
        lineNumber: 5,
        byteOffset: expect.any(Number),
        reason: expect.any(String),
        preview: '{"role":"user"}',
      },
    ]);
    expect(await readFile(join(root, `${stem}.jsonl`), 'utf8')).toBe(untidy);
  });

  it('says so when there is nothing to drop', async () => {
    await conversation();
    expect(await cli('compact', stem, '--dry-run')).toEqual({
      code: 0,
      stdout: `Nothing to drop from ${stem}: no blank or unreadable lines (2 messages).\n`,
      stderr: '',
    });
  });
});

describe('compact', () => {
  it('rewrites the file without the dropped lines, prints how many; undo puts the bytes back', async () => {
    const path = await writeJsonl(root, stem, untidy);
    const result = await cli('compact', stem);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const undoId = undoIdOf(result.stdout);
    expect(result.stdout).toBe(
      `Compacted ${stem}: dropped 3 lines (2 turns now); undo with: sessionscope --home ${home} undo ${undoId}\n`,
    );
    expect(await readFile(path, 'utf8')).toBe(
      messageLine('user', 'hello') + messageLine('assistant', 'hi there'),
    );
    expect((await cli('undo', undoId)).code).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(untidy);
  });

  it('rewrites nothing when nothing would be dropped', async () => {
    const { path, before } = await conversation();
    const mtime = (await stat(path)).mtimeMs;
    expect(await cli('compact', stem)).toEqual({
      code: 0,
      stdout: `Nothing to drop from ${stem}: no blank or unreadable lines, so nothing was rewritten.\n`,
      stderr: '',
    });
    expect(json(await cli('compact', stem, '--json'))).toEqual({
      summary: expect.objectContaining({ id: stem, turnCount: 2 }),
      undoId: null,
      droppedLines: 0,
    });
    expect(await readFile(path, 'utf8')).toBe(before);
    expect((await stat(path)).mtimeMs).toBe(mtime);
  });

  it('--json prints {summary, undoId, droppedLines}', async () => {
    await writeJsonl(root, stem, untidy);
    expect(json(await cli('compact', stem, '--json'))).toEqual({
      summary: expect.objectContaining({ id: stem, turnCount: 2, unreadableLines: 0 }),
      undoId: expect.stringMatching(/^[a-z0-9-]+$/),
      droppedLines: 3,
    });
  });
});

describe('undo', () => {
  it('works once: the same id a second time is refused as already undone', async () => {
    await conversation();
    const { undoId } = json(await cli('append', stem, '--role', 'user', '--content', 'x', '--json')) as {
      undoId: string;
    };
    expect(json(await cli('undo', undoId, '--json'))).toEqual({
      undone: expect.objectContaining({ id: undoId, operation: 'append', undoneBy: expect.any(String) }),
      summaries: [expect.objectContaining({ id: stem, turnCount: 2 })],
      message: expect.stringContaining(stem),
    });
    const again = await cli('undo', undoId);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^sessionscope: conflict: [^\n]*already undone[^\n]*\n$/);
  });

  it('refuses an id that is not an undo id, exit 1', async () => {
    expect(await cli('undo', '../x')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sessionscope: invalid_input: undoId: not an undo id\n',
    });
  });

  it('refuses to undo over a later change with conflict, leaving the file as it is', async () => {
    const { path } = await conversation();
    const { undoId } = json(await cli('append', stem, '--role', 'user', '--content', 'x', '--json')) as {
      undoId: string;
    };
    expect((await cli('append', stem, '--role', 'assistant', '--content', 'y')).code).toBe(0);
    const after = await readFile(path, 'utf8');
    const result = await cli('undo', undoId);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessionscope: conflict: [^\n]+\n$/);
    expect(await readFile(path, 'utf8')).toBe(after);
  });
});
