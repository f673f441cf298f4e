import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { parseCommandLine } from './args';
import type { Command } from './command';
import { listCommand } from './commands/list';
import { renameCommand } from './commands/rename';
import { restoreCommand } from './commands/restore';
import { rmCommand } from './commands/rm';
import { rootsCommand } from './commands/roots';
import { showCommand } from './commands/show';
import type { Build, CliIo } from './context';
import { withContext } from './context';
import { errorLine, exitCodeOf, exitCodes, UsageError } from './errors';
import { helpText, usageOf } from './help';
import { write } from './output';

export type { CliIo } from './context';

const commands: readonly Command[] = [
  rootsCommand,
  listCommand,
  showCommand,
  renameCommand,
  rmCommand,
  restoreCommand,
];

const build: Build = {
  version,
  // This file runs from src/cli/ under test and bundled as out/hosts/cli.js: two levels below
  // the project either way, so the same relative path finds resources/.
  resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
};

function commandFor(positionals: string[]): { command: Command; operands: string[] } {
  const [name, ...operands] = positionals;
  if (name === undefined) throw new UsageError('no command given (see sessionscope --help)');
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`unknown command "${name}" (see sessionscope --help)`);
  const missing = command.operands[operands.length];
  if (missing !== undefined) throw new UsageError(`missing <${missing}>; usage: ${usageOf(command)}`);
  if (operands.length > command.operands.length) {
    throw new UsageError(`too many arguments; usage: ${usageOf(command)}`);
  }
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
    const { command, operands } = commandFor(line.positionals);
    await withContext(line, io, build, (context) => command.run(context, operands));
    return exitCodes.ok;
  } catch (error) {
    io.stderr.write(errorLine(error));
    return exitCodeOf(error);
  }
}
