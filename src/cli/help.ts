import type { Command } from './command';

function synopsis(command: Command): string {
  return [command.name, ...command.operands.map((operand) => `<${operand}>`)].join(' ');
}

export function usageOf(command: Command): string {
  return `sessionscope ${synopsis(command)}`;
}

export function helpText(commands: readonly Command[]): string {
  const synopses = commands.map(synopsis);
  const width = Math.max(...synopses.map((synopsis) => synopsis.length), 'help'.length);
  const lines = commands.map((command, i) => `  ${(synopses[i] ?? '').padEnd(width)}  ${command.summary}`);
  return `sessionscope: browse the sessions AI agents leave on disk

usage: sessionscope [--home DIR] [--root DIR]... <command> [--json]

commands:
${lines.join('\n')}
  ${'help'.padEnd(width)}  this text

options:
  --home DIR   where Sessionscope keeps its index, trash and settings
               (default: $SESSIONSCOPE_HOME, else the platform's app-data directory)
  --root DIR   use only this sessions directory, format detected; may repeat
               (default: the configured roots plus every agent's default directory)
  --json       print JSON instead of text
  -h, --help   print this text
  --version    print the version

exit status: 0 done; 1 the operation failed, or refused an id or name; 2 the command line was wrong
errors: one line on stderr, "sessionscope: <code>: <message>"
`;
}
