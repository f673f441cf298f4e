import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, json, run } from './testing';
import { hashOfLine, logPathOf, writeYoiSession } from './testing-yoi';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]) => run(['--home', home, '--root', root, ...argv], { cwd: base });

const sha256 = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('rename of a yoi session', () => {
  it('keeps the name in the app-data directory, leaves the log as it was, and shows it in list and show', async () => {
    const id = await writeYoiSession(root);
    const before = await sha256(logPathOf(root, id));
    const renamed = await cli('rename', id, 'Weather chat');
    expect(renamed).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(
          `^Renamed ${id} to "Weather chat"; undo with: sessionscope --home ${home} undo [a-z0-9-]+\\n$`,
        ),
      ),
      stderr: '',
    });
    expect(await sha256(logPathOf(root, id))).toBe(before);
    expect(JSON.parse(await readFile(join(home, 'names.json'), 'utf8'))).toMatchObject({
      names: [{ format: 'yoi', root, id, title: 'Weather chat' }],
    });
    expect(json(await cli('list', '--json'))).toEqual([
      expect.objectContaining({ id, title: 'Weather chat' }),
    ]);
    expect((await cli('show', id)).stdout).toContain('Weather chat');
  });
});

describe('rm of a session others were made from', () => {
  it('refuses in one line with exit 1, and deletes with --force', async () => {
    const id = await writeYoiSession(root);
    await cli('fork', id, '--at', await hashOfLine(root, id, 2));
    const refused = await cli('rm', id);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `sessionscope: conflict: 1 session was forked or compacted from ${id}; ` +
        'their link would point at a session in the trash (delete anyway with --force)\n',
    });
    expect(await readdir(root)).toContain(`${id}.jsonl`);
    const forced = await cli('rm', id, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(new RegExp(`^Moved ${id} `));
    expect(await readdir(root)).not.toContain(`${id}.jsonl`);
  });

  it('deletes a fork, which nothing was made from, without --force', async () => {
    const id = await writeYoiSession(root);
    const fork = (
      json(await cli('fork', id, '--at', await hashOfLine(root, id, 2), '--json')) as {
        summary: { id: string };
      }
    ).summary.id;
    expect((await cli('rm', fork)).code).toBe(0);
    expect(await readdir(root)).toEqual([`${id}.jsonl`]);
  });
});
