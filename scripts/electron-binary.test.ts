import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinary } from './electron-binary.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-electron-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('electronBinary', () => {
  it('is null when the package has no path.txt (the binary was never downloaded)', () => {
    expect(electronBinary(dir, {})).toBeNull();
  });

  it('is null when path.txt names a binary that is not in dist/', async () => {
    await writeFile(join(dir, 'path.txt'), 'electron');
    expect(electronBinary(dir, {})).toBeNull();
  });

  it('is the dist/ path that path.txt names when that file exists', async () => {
    await writeFile(join(dir, 'path.txt'), 'electron');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'electron'), '');
    expect(electronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', async () => {
    const override = join(dir, 'custom');
    await mkdir(override);
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    await writeFile(join(override, 'electron'), '');
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });
});
