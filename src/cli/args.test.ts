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
      options: {},
      positionals: ['list'],
    });
  });

  it("collects commands' own options, present only when given, with numbers parsed", () => {
    const line = parseCommandLine([
      'cleanup',
      '--ttl-hours',
      '1.5',
      '--dry-run',
      '--threshold-secs=0',
      '--role=user',
      '--content',
      '',
      '--turn-id',
      't-1',
    ]);
    expect(line.options).toEqual({
      ttlHours: 1.5,
      dryRun: true,
      thresholdSecs: 0,
      role: 'user',
      content: '',
      turnId: 't-1',
    });
    expect(parseCommandLine(['compact', 'x']).options).toEqual({});
    expect(parseCommandLine(['purge', 'x', '--yes']).options).toEqual({ yes: true });
    expect(parseCommandLine(['log', '--limit=20']).options).toEqual({ limit: 20 });
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
    [['cleanup', '--ttl-hours', 'soon'], '--ttl-hours needs a number of hours above 0, not "soon"'],
    [['cleanup', '--ttl-hours', '0'], '--ttl-hours needs a number of hours above 0, not "0"'],
    [['cleanup', '--ttl-hours=-3'], '--ttl-hours needs a number of hours above 0, not "-3"'],
    [['cleanup', '--ttl-hours', '1e3'], '--ttl-hours needs a number of hours above 0, not "1e3"'],
    [['stuck', '--threshold-secs', '1.5'], '--threshold-secs needs a whole number of seconds, not "1.5"'],
    [['stuck', '--threshold-secs', 'ten'], '--threshold-secs needs a whole number of seconds, not "ten"'],
    [['compact', 'x', '--dry-run=yes'], '--dry-run takes no value'],
    [['log', '--limit', '-1'], '--limit needs a value (to pass one starting with "-", write --limit=VALUE)'],
    [['log', '--limit=-1'], '--limit needs a whole number above 0, not "-1"'],
    [['log', '--limit', '1e3'], '--limit needs a whole number above 0, not "1e3"'],
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
