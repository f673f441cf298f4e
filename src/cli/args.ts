import { parseArgs } from 'node:util';
import type { ExportFormat } from '../shared/export/types';
import { exportFormats } from '../shared/export/types';
import { UsageError } from './errors';

/**
 * Every option is recognised wherever it is written, so `sessionscope --root a list` and
 * `sessionscope list --root a` are the same call. The global ones apply to every command; the
 * rest belong to particular commands, and run.ts refuses them anywhere else rather than letting
 * a misplaced option be silently ignored.
 */
const options = {
  home: { type: 'string' },
  root: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  role: { type: 'string' },
  content: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'ttl-hours': { type: 'string' },
  'threshold-secs': { type: 'string' },
  'turn-id': { type: 'string' },
  at: { type: 'string' },
  summary: { type: 'string' },
  force: { type: 'boolean' },
  yes: { type: 'boolean' },
  limit: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
} as const;

/** The options of particular commands; a key is present only when its option was given. */
export interface CommandOptions {
  role?: string;
  content?: string;
  dryRun?: true;
  ttlHours?: number;
  thresholdSecs?: number;
  turnId?: string;
  at?: string;
  summary?: string;
  force?: true;
  yes?: true;
  limit?: number;
  to?: ExportFormat;
  out?: string;
}
export type OptionName = keyof CommandOptions;

export function flagOf(name: OptionName): string {
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export interface CommandLine {
  home: string | undefined;
  roots: string[];
  json: boolean;
  help: boolean;
  version: boolean;
  options: CommandOptions;
  /** The command name followed by its operands. */
  positionals: string[];
}

/** node's own messages run to several lines with advice about `--`; keep the first fact. */
function usageMessage(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const option = quoted.split(' ')[0];
    return error.message.includes('does not take')
      ? `${option} takes no value`
      : `${option} needs a value (to pass one starting with "-", write ${option}=VALUE)`;
  }
  return error.message.split('\n')[0] ?? 'invalid command line';
}

/** Fractions allowed ("0.5"), as the contract's TTL is any positive number of hours. */
function hours(text: string): number {
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text) || Number(text) <= 0) {
    throw new UsageError(`--ttl-hours needs a number of hours above 0, not "${text}"`);
  }
  return Number(text);
}

function seconds(text: string): number {
  if (!/^\d+$/.test(text))
    throw new UsageError(`--threshold-secs needs a whole number of seconds, not "${text}"`);
  return Number(text);
}

function count(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`--limit needs a whole number above 0, not "${text}"`);
  }
  return Number(text);
}

function exportFormat(text: string): ExportFormat {
  const format = exportFormats.find((each) => each === text);
  if (!format) throw new UsageError(`--to needs one of ${exportFormats.join(', ')}, not "${text}"`);
  return format;
}

/**
 * Checked here, like the numbers above, because a mistyped hash is a wrong command line; whether
 * the log holds it is for the contract to say.
 */
function entryHash(text: string): string {
  if (!/^[0-9a-f]{64}$/.test(text)) {
    throw new UsageError(`--at needs an entry hash of 64 lowercase hex digits, not "${text}"`);
  }
  return text;
}

function commandOptions(values: {
  role?: string;
  content?: string;
  'dry-run'?: boolean;
  'ttl-hours'?: string;
  'threshold-secs'?: string;
  'turn-id'?: string;
  at?: string;
  summary?: string;
  force?: boolean;
  yes?: boolean;
  limit?: string;
  to?: string;
  out?: string;
}): CommandOptions {
  const given: CommandOptions = {};
  if (values.role !== undefined) given.role = values.role;
  if (values.content !== undefined) given.content = values.content;
  if (values['dry-run']) given.dryRun = true;
  if (values['ttl-hours'] !== undefined) given.ttlHours = hours(values['ttl-hours']);
  if (values['threshold-secs'] !== undefined) given.thresholdSecs = seconds(values['threshold-secs']);
  if (values['turn-id'] !== undefined) given.turnId = values['turn-id'];
  if (values.at !== undefined) given.at = entryHash(values.at);
  if (values.summary !== undefined) given.summary = values.summary;
  if (values.force) given.force = true;
  if (values.yes) given.yes = true;
  if (values.limit !== undefined) given.limit = count(values.limit);
  if (values.to !== undefined) given.to = exportFormat(values.to);
  if (values.out === '') throw new UsageError('--out needs a file');
  if (values.out !== undefined) given.out = values.out;
  return given;
}

export function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    if (error instanceof Error) throw new UsageError(usageMessage(error));
    throw error;
  }
  const { values, positionals } = parsed;
  if (values.home === '') throw new UsageError('--home needs a directory');
  const roots = values.root ?? [];
  if (roots.includes('')) throw new UsageError('--root needs a directory');
  return {
    home: values.home,
    roots,
    json: values.json,
    help: values.help,
    version: values.version,
    options: commandOptions(values),
    positionals,
  };
}
