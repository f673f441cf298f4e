import type { OptionName } from './args';
import { flagOf } from './args';
import type { Command, Operand } from './command';

const optionHelp: Record<OptionName, { value?: string; description: string }> = {
  role: { value: 'ROLE', description: 'who the message is from, e.g. user or assistant' },
  content: { value: 'TEXT', description: "the message's text" },
  dryRun: { description: 'show what would change, and change nothing' },
  ttlHours: { value: 'N', description: 'sessions with no activity for more than N hours' },
  thresholdSecs: { value: 'N', description: 'turns running for more than N seconds' },
  turnId: { value: 'ID', description: 'the turn the recorded state belongs to' },
  at: { value: 'HASH', description: 'the last entry to keep, by its "hash": 64 lowercase hex digits' },
  summary: { value: 'TEXT', description: "the new session's whole history, in place of the old one's" },
  force: { description: 'delete even a session that others were forked or compacted from' },
  yes: { description: 'delete without asking; needed where there is no terminal to ask on' },
  limit: { value: 'N', description: 'the newest N entries (default 500)' },
  to: { value: 'md|html|json', description: 'the document to make: Markdown, self-contained HTML or JSON' },
  out: { value: 'FILE', description: 'write it there, replacing the file atomically, instead of to stdout' },
};

/** Longer synopses put their summary on the next line rather than pushing every summary right. */
const synopsisColumn = 26;

function operandWord(operand: Operand): string {
  const word = operand.choices ? operand.choices.join('|') : operand.name;
  const more = operand.repeats ? '...' : '';
  if (operand.optional) return `[${word}]${more}`;
  return (operand.choices ? word : `<${word}>`) + more;
}

function optionWord(name: OptionName, need: 'required' | 'optional'): string {
  const { value } = optionHelp[name];
  const word = value === undefined ? flagOf(name) : `${flagOf(name)} ${value}`;
  return need === 'required' ? word : `[${word}]`;
}

function synopsis(command: Command): string {
  const options = Object.entries(command.options ?? {}) as [OptionName, 'required' | 'optional'][];
  return [
    command.name,
    ...command.operands.map(operandWord),
    ...options.map(([name, need]) => optionWord(name, need)),
  ].join(' ');
}

export function usageOf(command: Command): string {
  return `sessionscope ${synopsis(command)}`;
}

function entry(left: string, right: string, column: number): string {
  return left.length < column
    ? `  ${left.padEnd(column)}${right}`
    : `  ${left}\n  ${' '.repeat(column)}${right}`;
}

function commandOptionLines(commands: readonly Command[]): string[] {
  const names = Object.keys(optionHelp) as OptionName[];
  const lefts = names.map((name) => optionWord(name, 'required'));
  const column = Math.max(...lefts.map((left) => left.length)) + 2;
  return names.map((name, i) => {
    const users = commands.filter((command) => command.options?.[name]).map((command) => command.name);
    return entry(lefts[i] ?? '', `${users.join(', ')}: ${optionHelp[name].description}`, column);
  });
}

export function helpText(commands: readonly Command[]): string {
  const lines = commands.map((command) => entry(synopsis(command), command.summary, synopsisColumn));
  return `sessionscope: browse the sessions AI agents leave on disk

usage: sessionscope [--home DIR] [--root DIR]... <command> [--json]

commands:
${lines.join('\n')}
${entry('help', 'this text', synopsisColumn)}

options:
  --home DIR   where Sessionscope keeps its index, trash, undo records and settings
               (default: $SESSIONSCOPE_HOME, else the platform's app-data directory)
  --root DIR   use only this sessions directory, format detected; may repeat
               (default: the configured roots plus every agent's default directory)
  --json       print JSON instead of text
  -h, --help   print this text
  --version    print the version

command options:
${commandOptionLines(commands).join('\n')}

exit status: 0 done; 1 the operation failed or refused its input; 2 the command line was wrong
errors: one line on stderr, "sessionscope: <code>: <message>"
purge: asks on a terminal before deleting for good; elsewhere it refuses (exit 2) unless given --yes
verify: a broken chain prints its report on stdout as usual, then exits 1 with the error line
  "sessionscope: corrupt: chain broken at line N: <reason>"
`;
}
