import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName } from './fileName';

describe('exportFileName', () => {
  it('keeps a plain title and adds the extension', () => {
    expect(exportFileName('Fix the build', 'a1', 'md')).toBe('Fix-the-build.md');
    expect(exportFileName('notes_v2.1', 'a1', 'json')).toBe('notes_v2.1.json');
  });

  it('falls back to the id when the title has nothing to keep', () => {
    expect(exportFileName('日本語', 'abc-123', 'html')).toBe('session-abc-123.html');
    expect(exportFileName('', 'セッション', 'md')).toBe('session.md');
  });

  it('cannot climb out of a folder or hide its extension', () => {
    expect(exportFileName('../../etc/passwd', 'x', 'md')).toBe('etc-passwd.md');
    expect(exportFileName('invoice\u202Egpj.exe', 'x', 'html')).toBe('invoice-gpj.exe.html');
    expect(exportFileName('a"b\r\nSet-Cookie: x', 'x', 'md')).toBe('a-b-Set-Cookie-x.md');
  });

  it('is always a short, safe name ending in the extension', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string(), (title, id) => {
        const name = exportFileName(title, id, 'html');
        expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}\.html$/);
      }),
    );
  });
});
