import { createHash } from 'node:crypto';
import {
  appendFile,
  chmod,
  mkdtemp,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { rewriteFile } from './rewrite';
import type { RewritePlan } from './rewrite';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-rewrite-'));
  path = join(dir, 's.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Drops the second line of a three-line file. */
const dropSecond = async (): Promise<RewritePlan> => ({
  pieces: [{ from: 0, to: 2 }, { bytes: Buffer.from('B\n') }, { from: 4, to: 6 }],
  hashUpTo: 4,
});

describe('rewriteFile', () => {
  it('writes the planned pieces through a renamed temp file and hashes the prefix asked for', async () => {
    await writeFile(path, 'a\nb\nc\n');
    const before = await stat(path);
    const result = await rewriteFile(path, dropSecond);
    expect(await readFile(path, 'utf8')).toBe('a\nB\nc\n');
    expect(result).toMatchObject({ written: 6, carried: 0 });
    expect(result?.prefixSha256).toBe(createHash('sha256').update('a\nB\n').digest('hex'));
    expect(result?.facts.ino).not.toBe(before.ino);
    expect(await readdir(dir)).toEqual(['s.jsonl']);
  });

  it('keeps the file mode', async () => {
    await writeFile(path, 'a\nb\nc\n');
    await chmod(path, 0o600);
    await rewriteFile(path, dropSecond);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('does nothing when the plan says there is nothing to do', async () => {
    await writeFile(path, 'a\n');
    const ino = (await stat(path)).ino;
    expect(await rewriteFile(path, async () => null)).toBeNull();
    expect((await stat(path)).ino).toBe(ino);
  });

  it('copies lines appended after the plan onto the new file, in place', async () => {
    await writeFile(path, 'a\nb\nc\n');
    const result = await rewriteFile(path, async () => {
      await appendFile(path, 'd\ne\n');
      return dropSecond();
    });
    expect(await readFile(path, 'utf8')).toBe('a\nB\nc\nd\ne\n');
    expect(result?.carried).toBe(4);
  });

  it('keeps an append that lands just before the rename, behind a "\\n"', async () => {
    await writeFile(path, 'a\nb\nc\n');
    const result = await rewriteFile(path, dropSecond, {
      beforeRename: () => appendFile(path, 'late\n'),
    });
    expect(await readFile(path, 'utf8')).toBe('a\nB\nc\n\nlate\n');
    expect(result?.carried).toBe(5);
  });

  it('keeps what a writer that opened the file before the rename writes into the old inode after it', async () => {
    await writeFile(path, 'a\nb\nc\n');
    let writer: FileHandle | null = null;
    await rewriteFile(path, dropSecond, {
      beforeRename: async () => {
        writer = await open(path, 'a');
      },
      afterRename: async () => {
        await appendFile(path, 'new-file\n'); // another writer, already on the new file
        await writer?.write('old-inode\n');
        await writer?.close();
      },
    });
    expect(await readFile(path, 'utf8')).toBe('a\nB\nc\nnew-file\n\nold-inode\n');
  });

  it('waits for a last line still being written before planning, so no record is cut', async () => {
    await writeFile(path, 'a\nb\nc\n{"half');
    setImmediate(() => void appendFile(path, ' done"}\n'));
    await rewriteFile(path, async ({ facts }) => ({
      pieces: [
        { from: 0, to: 2 },
        { from: 4, to: facts.size },
      ],
    }));
    expect(await readFile(path, 'utf8')).toBe('a\nc\n{"half done"}\n');
  });

  it('keeps a stale torn last line as it is', async () => {
    await writeFile(path, 'a\nb\nc\n{"torn');
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    await rewriteFile(path, async ({ facts }) => ({
      pieces: [
        { from: 0, to: 2 },
        { from: 4, to: facts.size },
      ],
    }));
    expect(await readFile(path, 'utf8')).toBe('a\nc\n{"torn');
  });

  it('refuses with conflict, and leaves the file and no temp, when the file is replaced before the rename', async () => {
    await writeFile(path, 'a\nb\nc\n');
    const attempt = rewriteFile(path, dropSecond, {
      beforeRename: async () => {
        await writeFile(join(dir, 'other'), 'theirs\n');
        await rename(join(dir, 'other'), path);
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    expect(await readFile(path, 'utf8')).toBe('theirs\n');
    expect(await readdir(dir)).toEqual(['s.jsonl']);
  });

  it('refuses with conflict when the file is truncated or rewritten in place while it is being copied', async () => {
    await writeFile(path, 'a\nb\nc\n');
    const shrunk = rewriteFile(path, async () => {
      await truncate(path, 2);
      return dropSecond();
    });
    await expect(shrunk).rejects.toMatchObject({ code: 'conflict' });
    await writeFile(path, 'a\nb\nc\n');
    const replacedInPlace = rewriteFile(path, async () => {
      await writeFile(path, 'x\ny\nz\nmore\n');
      return { pieces: [{ from: 0, to: 6 }] };
    });
    await expect(replacedInPlace).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(path, 'utf8')).toBe('x\ny\nz\nmore\n');
    expect(await readdir(dir)).toEqual(['s.jsonl']);
  });
});
