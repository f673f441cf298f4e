import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLine } from './append';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-append-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('appendLine', () => {
  it('appends the record and its "\\n", and says where it landed', async () => {
    const path = join(dir, 'plain');
    await writeFile(path, 'one\n');
    const appended = await appendLine(path, Buffer.from('two'), false);
    expect(await readFile(path, 'utf8')).toBe('one\ntwo\n');
    expect(appended).toEqual({ offset: 4, written: Buffer.from('two\n') });
  });

  it('puts a "\\n" first when the last line has none, losing none of its bytes', async () => {
    const path = join(dir, 'torn');
    await writeFile(path, 'one\n{"half');
    const appended = await appendLine(path, Buffer.from('two'), false);
    expect(await readFile(path, 'utf8')).toBe('one\n{"half\ntwo\n');
    expect(appended).toEqual({ offset: 10, written: Buffer.from('\ntwo\n') });
  });

  it('creates the file only when asked to', async () => {
    const path = join(dir, 'new');
    await expect(appendLine(path, Buffer.from('x'), false)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await appendLine(path, Buffer.from('x'), true)).toEqual({
      offset: 0,
      written: Buffer.from('x\n'),
    });
    expect(await readFile(path, 'utf8')).toBe('x\n');
  });
});
