/** Test support: run the CLI in-process, read what it printed, and write ORCS sessions (formats.md §1.3). */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { expect } from 'vitest';
import { runCli } from './run';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a person types at a terminal, so a test can answer a confirmation. */
export function terminalInput(text: string): Readable & { isTTY: true } {
  return Object.assign(Readable.from([text]), { isTTY: true as const });
}

export async function run(
  argv: string[],
  options: { env?: Record<string, string>; cwd?: string; stdin?: Readable & { isTTY?: boolean } } = {},
): Promise<Ran> {
  const stdout = new Sink();
  const stderr = new Sink();
  const cwd = options.cwd ?? tmpdir();
  // A home of its own, so no test ever discovers the real ~/.orcs/sessions.
  const env = { HOME: cwd, USERPROFILE: cwd, ...options.env };
  // No terminal unless the test gives one, as under CI or a pipe.
  const stdin = options.stdin ?? Readable.from([]);
  const code = await runCli(argv, { stdin, stdout, stderr, env, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The JSON document a command printed, after checking it succeeded quietly. */
export function json(result: Ran): unknown {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/** Every file under a directory, so tests can find what the trash kept without knowing its layout. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** A fresh directory per test with an app-data home beside an empty sessions root, as the CLI gets them. */
export async function cliSandbox(): Promise<{ base: string; home: string; root: string }> {
  const base = await tempDir();
  const root = join(base, 'sessions');
  await mkdir(root);
  return { base, home: join(base, 'app-data'), root };
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sessionscope-cli-'));
}

export interface ToolCallSpec {
  tool_name: string;
  args: unknown;
  result: unknown;
  success: boolean;
  duration_ms: number;
}

export interface TurnSpec {
  role: string;
  content: string;
  timestampMs: number;
  toolCalls?: ToolCallSpec[];
}

export interface SessionSpec {
  id?: string;
  name?: string | null;
  createdMs?: number;
  updatedMs?: number;
  turns?: TurnSpec[];
}

/** A SessionAsset as ORCS writes it: fields in serde order, pretty-printed, no final newline. */
export function orcsJson(spec: SessionSpec & { id: string }): string {
  const asset = {
    id: spec.id,
    version: 1,
    created_at_ms: spec.createdMs ?? 1_700_000_000_000,
    updated_at_ms: spec.updatedMs ?? 1_700_000_005_000,
    history: {
      turns: (spec.turns ?? []).map((turn) => ({
        id: randomUUID(),
        timestamp_ms: turn.timestampMs,
        role: turn.role,
        content: turn.content,
        tool_calls: turn.toolCalls ?? [],
        tags: [],
        metadata: {},
      })),
      compacted: [],
      max_turns: 1000,
    },
    preferences: {
      coding_style: {
        preferred_languages: [],
        indent: null,
        indent_size: null,
        naming_convention: null,
        comment_style: null,
      },
      communication: { verbosity: null, language: null, formality: null, include_examples: false },
      frequent_tools: [],
      custom: {},
    },
    project_context: {
      root_path: '/projects/demo',
      name: spec.name === undefined ? 'demo' : spec.name,
      technologies: [],
      key_files: [],
      architecture_notes: [],
      learned_facts: [],
      persistent_contexts: [],
    },
    skill_configs: {},
    component_snapshots: {},
    granted_commands: [],
    metadata: {},
  };
  return JSON.stringify(asset, null, 2);
}

/** Writes one session into a root and returns its id. */
export async function writeSession(root: string, spec: SessionSpec = {}): Promise<string> {
  const id = spec.id ?? randomUUID();
  await writeFile(join(root, `${id}.json`), orcsJson({ ...spec, id }));
  return id;
}
