import { describe, expect, it, vi } from 'vitest';
import { openExternalUrl } from './externalLinks';

describe('openExternalUrl', () => {
  it.each([
    ['https://example.com/docs?q=1#top', 'https://example.com/docs?q=1#top'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.com/Path', 'https://example.com/Path'],
    ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
  ])('opens %j as %j', async (value, opened) => {
    const open = vi.fn(async () => undefined);
    await expect(openExternalUrl(value, open)).resolves.toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith(opened);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://server/share/x',
    '\\\\server\\share\\x',
    'sessionscope://open',
    'app://sessionscope/index.html',
    'ms-settings:privacy',
    'mailto:someone@example.com',
    'ftp://example.com/file',
    '//evil.example/path',
    '/relative/path',
    'example.com',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'http://',
    '',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %j', async (value) => {
    const open = vi.fn(async () => undefined);
    await expect(openExternalUrl(value, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 42, true, {}, ['https://example.com'], new URL('https://example.com')])(
    'refuses the non-string %j',
    async (value) => {
      const open = vi.fn(async () => undefined);
      await expect(openExternalUrl(value, open)).resolves.toBe(false);
      expect(open).not.toHaveBeenCalled();
    },
  );

  it("lets the opener's own failure reach the caller", async () => {
    const open = vi.fn(async () => {
      throw new Error('no browser');
    });
    await expect(openExternalUrl('https://example.com', open)).rejects.toThrow('no browser');
  });
});
