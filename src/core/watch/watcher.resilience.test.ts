import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordedWatcher, tempDir } from './testkit';
import type { Recorder } from './testkit';
import type { RootWatchStatus } from './types';
import type { LibraryWatcher } from './watcher';

let dir: string;
let cleanup: () => Promise<void>;
let recorder: Recorder;
let watcher: LibraryWatcher;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ recorder, watcher } = recordedWatcher({ platform: 'linux' }));
});
afterEach(async () => {
  await watcher.close();
  await cleanup();
});

function statusOf(root: string): RootWatchStatus | undefined {
  return watcher.status().roots.find((each) => each.root === root);
}

/** Waits for a message asking for `root` to be enumerated again, after the first `skip` messages. */
function resync(root: string, skip: number): Promise<true> {
  return recorder.until(`a resync of ${root}`, () =>
    recorder.batches.slice(skip).some(({ batch }) => batch.roots.some((r) => r.root === root && r.resync)),
  );
}

const errno = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated by the test`), { code });

describe('a root that goes away', () => {
  it('is picked up again when it is created again, and its new files are reported', async () => {
    const root = join(dir, 'sessions');
    await mkdir(root);
    await writeFile(join(root, 'old.json'), '{}');
    await watcher.setRoots([{ id: 'o', path: root, format: 'orcs' }]);
    expect(statusOf('o')).toEqual({ root: 'o', present: true, mode: 'native', problem: null });

    await rm(root, { recursive: true });
    await resync('o', 0);
    expect(statusOf('o')?.present).toBe(false);

    const skip = recorder.batches.length;
    await mkdir(root);
    await resync('o', skip);
    expect(statusOf('o')?.present).toBe(true);

    const file = join(root, 'new.json');
    await writeFile(file, '{}');
    expect(await recorder.fileEvent(file, 'add')).toMatchObject({ session: 'new' });
  });

  it('is noticed going even when chokidar reports nothing for the directory itself', async () => {
    const root = join(dir, 'sessions');
    await mkdir(root);
    await writeFile(join(root, 'old.json'), '{}');
    await watcher.setRoots([{ id: 'o', path: root, format: 'orcs' }]);
    // What chokidar now and then does on `rm -r`: the files' unlinks, and no unlinkDir for the root.
    recorder.made.at(-1)?.watcher.removeAllListeners('unlinkDir');

    await rm(root, { recursive: true });

    await resync('o', 0);
    expect(statusOf('o')?.present).toBe(false);
  });

  it('is watched for from its nearest existing ancestor when it does not exist yet', async () => {
    const root = join(dir, 'home', '.zeroclaw', 'workspace', 'sessions');
    await watcher.setRoots([{ id: 'z', path: root, format: 'zeroclaw' }]);
    expect(statusOf('z')).toEqual({ root: 'z', present: false, mode: 'native', problem: null });
    expect(recorder.made.map((made) => made.path)).toEqual([dir]);

    await mkdir(root, { recursive: true });
    await resync('z', 0);
    expect(statusOf('z')?.present).toBe(true);
    const file = join(root, 'slack_C1_bob.jsonl');
    await appendFile(file, '{}\n');
    await recorder.fileEvent(file, 'add');
  });
});

describe('when the OS runs out of watches', () => {
  it('polls the root after EMFILE, says so with the inotify advice, and still reports changes', async () => {
    const root = join(dir, 'sessions');
    await mkdir(root);
    await watcher.setRoots([{ id: 'o', path: root, format: 'orcs' }]);
    const native = recorder.made.at(-1);
    expect(native?.options.usePolling).toBe(false);

    native?.watcher.emit('error', errno('EMFILE'));
    await resync('o', 0);
    const status = watcher.status();
    expect(status.roots).toEqual([
      {
        root: 'o',
        present: true,
        mode: 'polling',
        problem: 'EMFILE: the system ran out of file handles, so this folder is checked every 100 ms instead',
      },
    ]);
    expect(status.hint).toContain('sudo sysctl fs.inotify.max_user_watches=524288');
    expect(recorder.statuses.at(-1)).toEqual(status);

    expect(native?.watcher.closed).toBe(true);
    const polling = recorder.made.at(-1);
    expect(polling?.path).toBe(root);
    expect(polling?.options).toMatchObject({ usePolling: true, interval: 100 });
    expect(polling?.watcher.closed).toBe(false);

    const file = join(root, 'new.json');
    await writeFile(file, '{"a":1}');
    await recorder.fileEvent(file, 'add');
    const skip = recorder.batches.length;
    await appendFile(file, ' ');
    await recorder.fileEvent(file, 'change', skip);
    await rm(file);
    await recorder.fileEvent(file, 'unlink');
    expect(recorder.made).toHaveLength(2);
  });

  it('polls for a missing root after ENOSPC, and picks it up when it appears', async () => {
    const root = join(dir, 'sessions');
    await watcher.setRoots([{ id: 'y', path: root, format: 'yoi' }]);
    recorder.made.at(-1)?.watcher.emit('error', errno('ENOSPC'));
    // Changes may have gone unseen while the watcher was replaced.
    await resync('y', 0);
    expect(statusOf('y')).toMatchObject({ present: false, mode: 'polling' });
    expect(recorder.made).toHaveLength(2);
    expect(recorder.made.at(-1)).toMatchObject({ path: dir, options: { usePolling: true } });

    const skip = recorder.batches.length;
    await mkdir(root);
    await resync('y', skip);
    expect(statusOf('y')).toMatchObject({
      present: true,
      mode: 'polling',
      problem: expect.stringMatching(/^ENOSPC/),
    });
    expect(recorder.made.at(-1)).toMatchObject({ path: root, options: { usePolling: true } });
    const file = join(root, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.jsonl');
    await writeFile(file, '{}\n');
    await recorder.fileEvent(file, 'add');
  });

  it('shows any other error as a problem and keeps watching natively', async () => {
    const root = join(dir, 'sessions');
    await mkdir(root);
    await watcher.setRoots([{ id: 'o', path: root, format: 'orcs' }]);
    recorder.made.at(-1)?.watcher.emit('error', errno('EACCES'));
    expect(statusOf('o')).toEqual({
      root: 'o',
      present: true,
      mode: 'native',
      problem: 'EACCES: simulated by the test',
    });
    expect(watcher.status().hint).toBeNull();
    const file = join(root, 'still.json');
    await writeFile(file, '{}');
    await recorder.fileEvent(file, 'add');
    expect(recorder.made).toHaveLength(1);
  });
});

describe('LibraryWatcher.setRoots', () => {
  it('closes dropped roots, arms new ones, and re-arms a root whose format changed', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await mkdir(a);
    await mkdir(b);
    await watcher.setRoots([{ id: 'a', path: a, format: 'orcs' }]);
    const first = recorder.made[0];

    await watcher.setRoots([
      { id: 'a', path: a, format: 'orcs' },
      { id: 'b', path: b, format: null },
    ]);
    expect(recorder.made).toHaveLength(2);
    expect(watcher.status().roots.map((each) => each.root)).toEqual(['a', 'b']);

    // No format yet: any format's session file counts, so the Library can detect one.
    const found = join(b, 'telegram_1_x.jsonl');
    await writeFile(found, '');
    expect(await recorder.fileEvent(found, 'add')).toMatchObject({ role: 'main', session: 'telegram_1_x' });

    await watcher.setRoots([{ id: 'b', path: b, format: 'zeroclaw' }]);
    expect(first?.watcher.closed).toBe(true);
    expect(recorder.made[1]?.watcher.closed).toBe(true);
    expect(recorder.made).toHaveLength(3);
    expect(watcher.status().roots.map((each) => each.root)).toEqual(['b']);

    const skip = recorder.batches.length;
    await writeFile(join(a, 'ignored.json'), '{}');
    const file = join(b, 'telegram_2_y.jsonl');
    await writeFile(file, '');
    await recorder.fileEvent(file, 'add', skip);
    expect(recorder.files().some((each) => each.path.startsWith(a))).toBe(false);
  });
});
