import { parseArgs } from 'node:util';

export interface HostArgs {
  /** Directories to use instead of the discovered roots, as given (the core resolves them). */
  roots: string[] | undefined;
  /** Where the app keeps its own state instead of the platform's app-data directory. */
  home: string | undefined;
}

/**
 * The browser host's flags, read the same way here (src/server/index.ts): `--root DIR`, repeatable,
 * and `--home DIR`, else $SESSIONSCOPE_HOME. Unknown switches are ignored, not refused: Chromium's
 * and the debugger's (`--remote-debugging-port`, `--inspect`, which Playwright adds) share argv.
 */
export function hostArgs(argv: string[], env: Record<string, string | undefined>): HostArgs {
  const { values } = parseArgs({
    args: argv,
    options: { root: { type: 'string', multiple: true }, home: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const given = (value: unknown): value is string => typeof value === 'string' && value !== '';
  const roots = [values.root ?? []].flat().filter(given);
  return {
    roots: roots.length > 0 ? roots : undefined,
    home: given(values.home) ? values.home : env.SESSIONSCOPE_HOME || undefined,
  };
}
