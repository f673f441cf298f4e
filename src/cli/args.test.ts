import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args';
import { UsageError } from './errors';

describe('parseCommandLine', () => {
  it('takes options before and after the command, and --root repeatedly', () => {
    const line = parseCommandLine(['--home', 'h', 'list', '--root', 'a', '--json', '--root=b']);
    expect(line).toEqual({
      home: 'h',
      roots: ['a', 'b'],
      json: true,
      help: false,
      version: false,
      positionals: ['list'],
    });
  });

  it('passes operands that start with a dash after --', () => {
    expect(parseCommandLine(['rename', 'x', '--', '-draft']).positionals).toEqual(['rename', 'x', '-draft']);
  });

  it.each([
    [['--frobnicate', 'list'], 'unknown option --frobnicate'],
    [['-x'], 'unknown option -x'],
    [['list', '--home'], '--home needs a value (to pass one starting with "-", write --home=VALUE)'],
    [
      ['list', '--root', '--json'],
      '--root needs a value (to pass one starting with "-", write --root=VALUE)',
    ],
    [['list', '--json=yes'], '--json takes no value'],
    [['list', '--root='], '--root needs a directory'],
    [['--home=', 'list'], '--home needs a directory'],
  ])('refuses %j as a usage error', (argv, message) => {
    let thrown: unknown;
    try {
      parseCommandLine(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toBe(message);
    expect((thrown as UsageError).code).toBe('invalid_input');
  });
});
