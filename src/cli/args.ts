import { parseArgs } from 'node:util';
import { UsageError } from './errors';

/**
 * Every option applies to every command, so an option means one thing wherever it is written:
 * `sessionscope --root a list` and `sessionscope list --root a` are the same call.
 */
const options = {
  home: { type: 'string' },
  root: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

export interface CommandLine {
  home: string | undefined;
  roots: string[];
  json: boolean;
  help: boolean;
  version: boolean;
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
    positionals,
  };
}
