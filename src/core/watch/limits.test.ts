import { describe, expect, it } from 'vitest';
import { limitCode, limitHint, limitProblem } from './limits';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

describe('watch limits', () => {
  it('knows the codes that mean the OS ran out of watches', () => {
    expect(limitCode(errno('ENOSPC'))).toBe('ENOSPC');
    expect(limitCode(errno('EMFILE'))).toBe('EMFILE');
    expect(limitCode(errno('EACCES'))).toBeNull();
    expect(limitCode(new Error('plain'))).toBeNull();
    expect(limitCode(null)).toBeNull();
  });

  it('says why a root is polled and how often', () => {
    expect(limitProblem('ENOSPC', 1000)).toBe(
      'ENOSPC: the system ran out of file watches, so this folder is checked every 1 s instead',
    );
    expect(limitProblem('EMFILE', 250)).toMatch(/^EMFILE: .* every 250 ms instead$/);
  });

  it('gives the inotify advice on Linux, and none when nothing is polled', () => {
    expect(limitHint(new Set(), 'linux')).toBeNull();
    const hint = limitHint(new Set(['ENOSPC']), 'linux');
    expect(hint).toContain('sudo sysctl fs.inotify.max_user_watches=524288');
    expect(hint).not.toContain('ulimit');
    expect(limitHint(new Set(['EMFILE']), 'linux')).toContain('max_user_instances');
    const mac = limitHint(new Set(['EMFILE']), 'darwin');
    expect(mac).toContain('ulimit -n');
    expect(mac).not.toContain('inotify');
  });
});
