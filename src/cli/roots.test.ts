import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, json, run, writeSession } from './testing';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
  await writeSession(root);
});

const cli = (...argv: string[]) => run(['--home', home, ...argv], { cwd: base });

describe('roots add and remove', () => {
  it('adds a directory named on the command line, relative to the working directory, for good', async () => {
    const added = json(await cli('roots', 'add', 'sessions', '--json'));
    expect(added).toMatchObject({ path: root, format: 'orcs', origin: 'added', exists: true });
    expect(json(await cli('roots', '--json'))).toEqual([added]);
    const settings = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as unknown;
    expect(settings).toMatchObject({ roots: [{ path: root, format: 'orcs' }] });
  });

  it('removes a root by its id', async () => {
    const { id } = json(await cli('roots', 'add', root, '--json')) as { id: string };
    expect(json(await cli('roots', 'remove', id, '--json'))).toEqual([]);
    expect((await cli('roots')).stdout).toMatch(/^No roots\./);
  });

  it('says what is wrong with a directory that is not there or holds no sessions', async () => {
    const missing = await cli('roots', 'add', 'nowhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`sessionscope: not_found: ${join(base, 'nowhere')} is not a folder\n`);
    await mkdir(join(base, 'empty', 'inner'), { recursive: true });
    const unknown = await cli('roots', 'add', 'empty');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^sessionscope: invalid_input: no sessions of a known format/);
  });

  it('needs the directory or the id, and refuses other actions', async () => {
    expect((await cli('roots', 'add')).stderr).toMatch(/roots add needs a directory/);
    expect((await cli('roots', 'rename', 'x')).code).toBe(2);
  });
});
