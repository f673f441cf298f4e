import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AskWhereToSave } from './saveExport';
import { saveExportThrough } from './saveExport';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* chunks(): AsyncGenerator<string> {
  yield '# Title\n';
  yield 'body\n';
}

describe('saving an export in Electron', () => {
  it('offers the name in the folder with the format as filter, and writes where the dialog says', async () => {
    const asked: Parameters<AskWhereToSave>[0][] = [];
    const save = saveExportThrough(async (options) => {
      asked.push(options);
      return { canceled: false, filePath: join(dir, 'picked.md') };
    }, '/home/me/Downloads');
    expect(await save('Fix-build.md', 'md', chunks)).toBe('picked.md');
    expect(asked).toEqual([
      {
        title: 'Export session',
        defaultPath: join('/home/me/Downloads', 'Fix-build.md'),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      },
    ]);
    expect(await readFile(join(dir, 'picked.md'), 'utf8')).toBe('# Title\nbody\n');
    expect(await readdir(dir)).toEqual(['picked.md']);
  });

  it('writes nothing and makes no document when the dialog is cancelled', async () => {
    let made = false;
    const save = saveExportThrough(async () => ({ canceled: true, filePath: join(dir, 'x.md') }), dir);
    const result = await save('x.json', 'json', () => {
      made = true;
      return chunks();
    });
    expect(result).toBeNull();
    expect(made).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});
