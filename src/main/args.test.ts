import { describe, expect, it } from 'vitest';
import { hostArgs } from './args';

describe('hostArgs', () => {
  it('reads repeated --root and --home, in both spellings', () => {
    expect(hostArgs(['.', '--root', '/a', '--root=/b', '--home', '/h'], {})).toEqual({
      roots: ['/a', '/b'],
      home: '/h',
    });
  });

  it("ignores Chromium's and the debugger's switches and the app path", () => {
    const argv = [
      '/repo/out/main/index.js',
      '--inspect=0',
      '--remote-debugging-port=0',
      '--no-sandbox',
      '--root',
      'x',
    ];
    expect(hostArgs(argv, {})).toEqual({ roots: ['x'], home: undefined });
  });

  it('falls back to $SESSIONSCOPE_HOME, which --home overrides', () => {
    expect(hostArgs([], { SESSIONSCOPE_HOME: '/env' }).home).toBe('/env');
    expect(hostArgs(['--home', '/flag'], { SESSIONSCOPE_HOME: '/env' }).home).toBe('/flag');
    expect(hostArgs([], { SESSIONSCOPE_HOME: '' }).home).toBeUndefined();
  });

  it('treats a flag without a value as absent', () => {
    expect(hostArgs(['--root'], {})).toEqual({ roots: undefined, home: undefined });
    expect(hostArgs(['--root=', '--home='], {})).toEqual({ roots: undefined, home: undefined });
  });
});
