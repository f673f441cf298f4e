import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import type { CommandLine, OptionName } from './args';
import { flagOf, parseCommandLine } from './args';
import type { Command } from './command';
import { appendCommand } from './commands/append';
import { cleanupCommand } from './commands/cleanup';
import { compactCommand } from './commands/compact';
import { compactIntoNewCommand } from './commands/compact-into-new';
import { exportCommand } from './commands/export';
import { forkCommand } from './commands/fork';
import { lineageCommand } from './commands/lineage';
import { listCommand } from './commands/list';
import { logCommand } from './commands/log';
import { purgeCommand } from './commands/purge';
import { removeLastCommand } from './commands/remove-last';
import { renameCommand } from './commands/rename';
import { restoreCommand } from './commands/restore';
import { rmCommand } from './commands/rm';
import { rootsCommand } from './commands/roots';
import { searchCommand } from './commands/search';
import { showCommand } from './commands/show';
import { stateCommand } from './commands/state';
import { stuckCommand } from './commands/stuck';
import { trashCommand } from './commands/trash';
import { undoCommand } from './commands/undo';
import { verifyCommand } from './commands/verify';
import type { Build, CliIo } from './context';
import { withContext } from './context';
import { errorLine, exitCodeOf, exitCodes, UsageError } from './errors';
import { helpText, usageOf } from './help';
import { write } from './output';

export type { CliIo } from './context';

const commands: readonly Command[] = [
  rootsCommand,
  listCommand,
  searchCommand,
  showCommand,
  exportCommand,
  renameCommand,
  rmCommand,
  trashCommand,
  restoreCommand,
  purgeCommand,
  appendCommand,
  removeLastCommand,
  compactCommand,
  stateCommand,
  stuckCommand,
  cleanupCommand,
  verifyCommand,
  lineageCommand,
  forkCommand,
  compactIntoNewCommand,
  undoCommand,
  logCommand,
];

const build: Build = {
  version,
  // This file runs from src/cli/ under test and bundled as out/hosts/cli.js: two levels below
  // the project either way, so the same relative path finds resources/.
  resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
};

function checkOperands(command: Command, operands: string[]): void {
  const missing = command.operands[operands.length];
  if (missing !== undefined && !missing.optional) {
    throw new UsageError(`missing <${missing.name}>; usage: ${usageOf(command)}`);
  }
  const last = command.operands.at(-1);
  if (operands.length > command.operands.length && !last?.repeats) {
    throw new UsageError(`too many arguments; usage: ${usageOf(command)}`);
  }
  operands.forEach((value, i) => {
    const operand = command.operands[i] ?? last;
    if (operand?.choices && !operand.choices.includes(value)) {
      throw new UsageError(
        `not a ${operand.name}: "${value}" (use ${operand.choices.join(', ')}); usage: ${usageOf(command)}`,
      );
    }
  });
}

function checkOptions(command: Command, given: CommandLine['options']): void {
  for (const name of Object.keys(given) as OptionName[]) {
    if (!command.options?.[name]) {
      throw new UsageError(`${flagOf(name)} does not apply to ${command.name}; usage: ${usageOf(command)}`);
    }
  }
  for (const [name, need] of Object.entries(command.options ?? {}) as [OptionName, string][]) {
    if (need === 'required' && given[name] === undefined) {
      throw new UsageError(`missing ${flagOf(name)}; usage: ${usageOf(command)}`);
    }
  }
}

function commandFor(line: CommandLine): { command: Command; operands: string[] } {
  const [name, ...operands] = line.positionals;
  if (name === undefined) throw new UsageError('no command given (see sessionscope --help)');
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`unknown command "${name}" (see sessionscope --help)`);
  checkOperands(command, operands);
  checkOptions(command, line.options);
  return { command, operands };
}

/** The whole CLI as a function of its arguments and streams, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const line = parseCommandLine(argv);
    if (line.version) {
      await write(io.stdout, `sessionscope ${build.version}\n`);
      return exitCodes.ok;
    }
    if (line.help || line.positionals[0] === 'help') {
      await write(io.stdout, helpText(commands));
      return exitCodes.ok;
    }
    const { command, operands } = commandFor(line);
    await withContext(line, io, build, (context) => command.run(context, operands, line.options));
    return exitCodes.ok;
  } catch (error) {
    io.stderr.write(errorLine(error));
    return exitCodeOf(error);
  }
}
