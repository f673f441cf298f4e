/** Types for electron-binary.js, which TypeScript callers (e2e/fixtures.ts) import. */

/** The installed `electron` package directory, found without running its code. */
export function electronPackageDir(): string;

/** The path of the Electron executable if it is installed, else null; never downloads it. */
export function electronBinary(packageDir?: string, env?: Record<string, string | undefined>): string | null;
