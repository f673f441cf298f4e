/**
 * Finds Electron's executable without requiring the `electron` package: its index.js downloads
 * the binary as a side effect of `require` when path.txt or dist/ is missing (node_modules/electron/index.js).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed `electron` package directory, found without running its code. */
export function electronPackageDir() {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/**
 * The path of the Electron executable if it is installed, else null. Mirrors how
 * node_modules/electron/index.js locates it, ELECTRON_OVERRIDE_DIST_PATH included, minus the download.
 */
export function electronBinary(packageDir = electronPackageDir(), env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}
