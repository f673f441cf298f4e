import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { defaultAppDataDir } from '../core/appdata';
import { dispatch } from '../core/dispatch';
import { createLibrary } from '../core/library';
import type { CallInput, CallName, CallOutput } from '../shared/api';
import { unwrap } from '../shared/errors';
import type { CommandLine } from './args';
import { write } from './output';

export interface CliIo {
  /** Read only to confirm a destructive command, and only when it is a terminal. */
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** What a command may use: contract calls, the output stream and the global flags. */
export interface Context {
  json: boolean;
  /** Set when --root limited the library to directories the user named. */
  rootsGiven: boolean;
  /** The app-data directory when --home named it, so printed follow-up commands can repeat it. */
  homeGiven: string | undefined;
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  print(text: string): Promise<void>;
  /** Whether a person is at a terminal to answer confirm(). */
  interactive: boolean;
  /** Asks a yes/no question on the terminal; only when interactive. */
  confirm(question: string): Promise<boolean>;
  /** Where relative paths named on the command line start from. */
  cwd: string;
}

export interface Build {
  version: string;
  resourcesDir: string;
}

/** The user's home as the environment we were handed says, so tests never see the real one. */
function homeOf(env: CliIo['env']): string {
  return (process.platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
}

/** --home wins, then SESSIONSCOPE_HOME, then the platform's app-data directory. */
function appDataDirOf(line: CommandLine, io: CliIo, home: string): string {
  const chosen = line.home ?? (io.env.SESSIONSCOPE_HOME || undefined);
  if (chosen !== undefined) return resolve(io.cwd, chosen);
  return defaultAppDataDir({ home, vars: io.env }, process.platform);
}

/**
 * The question goes to stderr so that stdout (with --json, a document) holds only the answer to
 * the command. A closed input (Ctrl-D) is a no, like anything but y or yes.
 */
async function confirm(io: CliIo, question: string): Promise<boolean> {
  const lines = createInterface({ input: io.stdin, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve(''));
      io.stderr.write(question);
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}

/** Opens the library for one command and always closes it, so no worker outlives the command. */
export async function withContext(
  line: CommandLine,
  io: CliIo,
  build: Build,
  run: (context: Context) => Promise<void>,
): Promise<void> {
  const home = homeOf(io.env);
  const appDataDir = appDataDirOf(line, io, home);
  const library = createLibrary({
    appDataDir,
    env: { home, vars: io.env },
    roots: line.roots.length > 0 ? line.roots : undefined,
    cwd: io.cwd,
    resourcesDir: build.resourcesDir,
    host: 'cli',
    version: build.version,
  });
  // Through dispatch, never the handlers directly, so the CLI gets the contract's validation like
  // every other host; dispatch checked the input and the handler produced the output's type.
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    return unwrap(await dispatch(library.handlers, name, input)) as CallOutput<K>;
  }
  try {
    await run({
      json: line.json,
      rootsGiven: line.roots.length > 0,
      homeGiven: line.home === undefined ? undefined : appDataDir,
      call,
      print: (text) => write(io.stdout, text),
      interactive: io.stdin.isTTY === true,
      confirm: (question) => confirm(io, question),
      cwd: io.cwd,
    });
  } finally {
    await library.close();
  }
}
