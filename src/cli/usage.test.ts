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
    [['rm', 'a', 'b'], 'too many arguments; usage: sessionscope rm <id>'],
    [['list', '--root'], '--root needs a value (to pass one starting with "-", write --root=VALUE)'],
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
      'roots',
      'list',
      'show <id>',
      'rename <id> <name>',
      'rm <id>',
      'restore <trash-id>',
    ]) {
      expect(result.stdout).toContain(`  ${command} `);
    }
  });

  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `sessionscope ${version}\n`, stderr: '' });
  });
});
