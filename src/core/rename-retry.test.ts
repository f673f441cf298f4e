import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renameRetrying, retryingWhileLocked } from './rename-retry';

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
}

/** A rename that fails with `codes` in turn, then succeeds; it records each call. */
function flakyRename(codes: string[]): {
  rename: (from: string, to: string) => Promise<void>;
  calls: string[][];
} {
  const calls: string[][] = [];
  return {
    calls,
    rename: async (from, to) => {
      calls.push([from, to]);
      const code = codes[calls.length - 1];
      if (code) throw fsError(code);
    },
  };
}

/** Records the pauses instead of taking them, so the test neither sleeps nor depends on timing. */
function recordedWaits(): { wait: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, wait: async (ms) => void waits.push(ms) };
}

describe('renameRetrying', () => {
  it('on Windows, retries a rename held up by EBUSY twice with doubling pauses, then succeeds', async () => {
    const { rename, calls } = flakyRename(['EBUSY', 'EBUSY']);
    const { wait, waits } = recordedWaits();

    await renameRetrying('a.tmp', 'a.json', { platform: 'win32', rename, wait });

    expect(calls).toEqual([
      ['a.tmp', 'a.json'],
      ['a.tmp', 'a.json'],
      ['a.tmp', 'a.json'],
    ]);
    expect(waits).toEqual([10, 20]);
  });

  it('on Windows, gives up after about 2 s of EPERM and throws the last error', async () => {
    const always = async (): Promise<void> => {
      throw fsError('EPERM');
    };
    const { wait, waits } = recordedWaits();

    await expect(
      renameRetrying('a.tmp', 'a.json', { platform: 'win32', rename: always, wait }),
    ).rejects.toMatchObject({ code: 'EPERM' });

    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 640, 730]);
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(2000);
  });

  it('on Windows, does not retry an error that is not a lock (ENOENT)', async () => {
    const { rename, calls } = flakyRename(['ENOENT']);
    const { wait, waits } = recordedWaits();

    await expect(
      renameRetrying('a.tmp', 'a.json', { platform: 'win32', rename, wait }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('elsewhere, an EPERM is a real permission error and is thrown at once', async () => {
    const { rename, calls } = flakyRename(['EPERM']);
    const { wait, waits } = recordedWaits();

    await expect(
      renameRetrying('a.tmp', 'a.json', { platform: 'linux', rename, wait }),
    ).rejects.toMatchObject({
      code: 'EPERM',
    });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('renames for real by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sessionscope-rename-'));
    try {
      await writeFile(join(dir, 'a.tmp'), 'new');
      await writeFile(join(dir, 'a.json'), 'old');
      await renameRetrying(join(dir, 'a.tmp'), join(dir, 'a.json'));
      expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('new');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('retryingWhileLocked', () => {
  it('returns what the attempt returns once it gets through', async () => {
    let tries = 0;
    const { wait } = recordedWaits();
    const value = await retryingWhileLocked(
      async () => {
        if (++tries < 2) throw fsError('EACCES');
        return 'written';
      },
      { platform: 'win32', wait },
    );
    expect({ value, tries }).toEqual({ value: 'written', tries: 2 });
  });
});
