import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { run } from './testing';

describe('command-line usage', () => {
  it.each([
    [[], 'no command given (see sessionscope --help)'],
    [['frobnicate'], 'unknown command "frobnicate" (see sessionscope --help)'],
    [['list', '--frobnicate'], 'unknown option --frobnicate'],
    [['show'], 'missing <id>; usage: sessionscope show <id>'],
    [['rename', 'abc'], 'missing <name>; usage: sessionscope rename <id> <name>'],
    [['rm', 'a', 'b'], 'too many arguments; usage: sessionscope rm <id> [--force]'],
    [['list', '--root'], '--root needs a value (to pass one starting with "-", write --root=VALUE)'],
    [
      ['append', 'abc', '--content', 'hi'],
      'missing --role; usage: sessionscope append <id> --role ROLE --content TEXT',
    ],
    [
      ['append', 'abc', '--role', 'user'],
      'missing --content; usage: sessionscope append <id> --role ROLE --content TEXT',
    ],
    [
      ['append', '--role', 'user', '--content', 'hi'],
      'missing <id>; usage: sessionscope append <id> --role ROLE --content TEXT',
    ],
    [['remove-last'], 'missing <id>; usage: sessionscope remove-last <id>'],
    [['compact', 'a', 'b'], 'too many arguments; usage: sessionscope compact <id> [--dry-run]'],
    [['list', '--dry-run'], '--dry-run does not apply to list; usage: sessionscope list'],
    [['rm', 'abc', '--role', 'user'], '--role does not apply to rm; usage: sessionscope rm <id> [--force]'],
    [['cleanup'], 'missing --ttl-hours; usage: sessionscope cleanup --ttl-hours N [--dry-run]'],
    [['cleanup', '--ttl-hours', 'a day'], '--ttl-hours needs a number of hours above 0, not "a day"'],
    [['stuck'], 'missing --threshold-secs; usage: sessionscope stuck --threshold-secs N'],
    [['stuck', '--threshold-secs', '5m'], '--threshold-secs needs a whole number of seconds, not "5m"'],
    [
      ['state', 'abc', 'paused'],
      'not a state: "paused" (use idle, running, error); usage: sessionscope state <id> [idle|running|error] [--turn-id ID]',
    ],
    [
      ['state', 'abc', 'running', 'now'],
      'too many arguments; usage: sessionscope state <id> [idle|running|error] [--turn-id ID]',
    ],
    [
      ['state', 'abc', '--turn-id', 't-1'],
      '--turn-id needs a state to record; usage: sessionscope state <id> [idle|running|error] [--turn-id ID]',
    ],
    [['undo', 'a', 'b'], 'too many arguments; usage: sessionscope undo [undo-id]'],
    [['trash', 'a'], 'too many arguments; usage: sessionscope trash'],
    [['restore'], 'missing <trash-id>; usage: sessionscope restore <trash-id>...'],
    [['purge'], 'missing <trash-id>; usage: sessionscope purge <trash-id>... [--yes]'],
    [['purge', '--yes=no', 'a'], '--yes takes no value'],
    [['rm', 'abc', '--yes'], '--yes does not apply to rm; usage: sessionscope rm <id> [--force]'],
    [['log', 'a'], 'too many arguments; usage: sessionscope log [--limit N]'],
    [['log', '--limit', '0'], '--limit needs a whole number above 0, not "0"'],
    [['log', '--limit', 'ten'], '--limit needs a whole number above 0, not "ten"'],
    [['log', '--limit', '1.5'], '--limit needs a whole number above 0, not "1.5"'],
    [['list', '--limit', '5'], '--limit does not apply to list; usage: sessionscope list'],
    [['verify'], 'missing <id>; usage: sessionscope verify <id>'],
    [['verify', 'a', '--dry-run'], '--dry-run does not apply to verify; usage: sessionscope verify <id>'],
    [['lineage', 'a', 'b'], 'too many arguments; usage: sessionscope lineage <id>'],
    [['fork', 'abc'], 'missing --at; usage: sessionscope fork <id> --at HASH'],
    [['fork', '--at', 'ab'.repeat(32)], 'missing <id>; usage: sessionscope fork <id> --at HASH'],
    [
      ['fork', 'abc', '--at', 'AB'.repeat(32)],
      `--at needs an entry hash of 64 lowercase hex digits, not "${'AB'.repeat(32)}"`,
    ],
    [['fork', 'abc', '--at', '9222db'], '--at needs an entry hash of 64 lowercase hex digits, not "9222db"'],
    [['list', '--at', 'ab'.repeat(32)], '--at does not apply to list; usage: sessionscope list'],
    [
      ['compact-into-new', 'abc'],
      'missing --summary; usage: sessionscope compact-into-new <id> --summary TEXT',
    ],
    [
      ['compact', 'abc', '--summary', 's'],
      '--summary does not apply to compact; usage: sessionscope compact <id> [--dry-run]',
    ],
  ])('%j exits 2 with one invalid_input line', async (argv, message) => {
    const result = await run(argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `sessionscope: invalid_input: ${message}\n` });
  });

  it('cleans what it quotes back from the command line', async () => {
    const result = await run(['\u001b]0;owned\u0007evil\nline']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'sessionscope: invalid_input: unknown command "evil line" (see sessionscope --help)\n',
    );
  });

  it.each([[['--help']], [['-h']], [['help']], [['list', '--help']]])('%j prints the help', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('usage: sessionscope [--home DIR] [--root DIR]... <command> [--json]');
    for (const command of [
      'roots [add|remove] [dir-or-id]',
      'list',
      'show <id>',
      'rename <id> <name>',
      'rm <id> [--force]',
      'trash',
      'restore <trash-id>...',
      'purge <trash-id>... [--yes]',
      'append <id> --role ROLE --content TEXT',
      'remove-last <id>',
      'compact <id> [--dry-run]',
      'state <id> [idle|running|error] [--turn-id ID]',
      'stuck --threshold-secs N',
      'cleanup --ttl-hours N [--dry-run]',
      'verify <id>',
      'lineage <id>',
      'fork <id> --at HASH',
      'compact-into-new <id> --summary TEXT',
      'undo [undo-id]',
      'log [--limit N]',
    ]) {
      // A long synopsis has its summary on the next line.
      const escaped = command.replace(/[[\]|]/g, '\\$&');
      expect(result.stdout).toMatch(new RegExp(`^  ${escaped}(  |\n)`, 'm'));
    }
    expect(result.stdout).toMatch(/^ {2}--yes {2,}purge: delete without asking/m);
    expect(result.stdout).toMatch(/^ {2}--limit N {2,}log: the newest N entries/m);
  });

  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `sessionscope ${version}\n`, stderr: '' });
  });
});
