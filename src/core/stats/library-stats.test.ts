import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls } from '../../shared/api';
import { SOURCE_ID } from '../formats/yoi/testkit';
import { dispatch } from '../dispatch';
import { tempDir, threeRoots } from '../index/testkit';
import { createLibrary } from '../library';
import type { Library } from '../library';

let dir: string;
let library: Library;
let yoiRoot: string;

beforeEach(async () => {
  dir = await tempDir();
  const roots = await threeRoots(dir);
  library = createLibrary({
    appDataDir: join(dir, 'appdata'),
    env: { home: join(dir, 'home'), vars: {} },
    roots: roots.map((root) => root.path),
    resourcesDir: join(dir, 'resources'),
    host: 'browser',
    version: 'test',
  });
  const listed = await library.handlers['roots.list']({});
  yoiRoot = listed.find((root) => root.format === 'yoi')?.id ?? '';
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

/** The first call starts the index; this waits for it to have read every file. */
async function settled(): Promise<void> {
  for (;;) {
    const stats = await library.handlers['stats.library']({});
    if (!stats.indexing) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the stats calls', () => {
  it('answer through the contract, from the index and from the session files', async () => {
    await settled();
    const all = await dispatch(library.handlers, 'stats.library', {});
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    const stats = all.value as Awaited<ReturnType<Library['handlers']['stats.library']>>;
    // Five sessions in three roots (testkit.ts); ZeroClaw's three turns have no time.
    expect(stats.totals.sessions).toBe(5);
    expect(stats.undated?.turns).toBe(3);
    expect(stats.tools.map((tool) => tool.tool)).toEqual(['get_weather']);

    const one = await library.handlers['stats.library']({ root: yoiRoot });
    expect(one.totals.toolCalls).toBe(1);

    const session = await library.handlers['session.stats']({ ref: { root: yoiRoot, id: SOURCE_ID } });
    expect(session.tokens?.totals.output).toBe(10);
    expect(session.rows.some((row) => row.tool === 'get_weather')).toBe(true);
  });

  it('refuse input outside the contract', async () => {
    const refused = async (name: 'stats.library' | 'session.stats', input: unknown) => {
      const answer = await dispatch(library.handlers, name, input);
      return answer.ok ? null : answer.error.code;
    };
    expect(await refused('stats.library', { days: 0 })).toBe('invalid_input');
    expect(await refused('stats.library', { days: 2.5 })).toBe('invalid_input');
    expect(await refused('stats.library', { root: '../etc' })).toBe('invalid_input');
    expect(await refused('stats.library', { days: 30, extra: true })).toBe('invalid_input');
    expect(await refused('session.stats', { ref: { root: yoiRoot, id: '../x' } })).toBe('invalid_input');
    expect(await refused('session.stats', { ref: { root: 'nosuchroot', id: 'abc' } })).toBe('not_found');
    expect(calls['stats.library'].input.parse({ days: 90 })).toEqual({ days: 90 });
  });
});
