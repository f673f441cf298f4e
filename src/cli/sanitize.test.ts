import { describe, expect, it } from 'vitest';
import { clean, cleanLine } from './sanitize';

describe('clean', () => {
  it.each([
    ['colour (CSI SGR)', 'a\u001b[31mred\u001b[0m b', 'ared b'],
    ['cursor movement and erase', 'x\u001b[2J\u001b[1;1Hy', 'xy'],
    ['window title (OSC 0, BEL)', '\u001b]0;pwned\u0007ok', 'ok'],
    ['clipboard write (OSC 52, ST)', '\u001b]52;c;ZXZpbA==\u001b\\ok', 'ok'],
    ['hyperlink (OSC 8)', '\u001b]8;;https://evil\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['8-bit OSC', 'a\u009d0;t\u009cb', 'ab'],
    ['device control string', 'a\u001bPq#0\u001b\\b', 'ab'],
    ['two-character escape (reset)', 'a\u001bcb', 'ab'],
    ['bare C0 and DEL', 'a\u0000b\u0007c\u0008d\u007f', 'abcd'],
    ['a lone ESC at the end', 'a\u001b', 'a'],
  ])('strips %s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it('keeps newlines, tabs and every printable script', () => {
    const text = 'line 1\n\tindented — café 日本語 🙂';
    expect(clean(text)).toBe(text);
  });

  it('turns CRLF into one newline, and a lone CR into a newline so it cannot overwrite a line', () => {
    expect(clean('a\r\nb')).toBe('a\nb');
    expect(clean('safe\rEVIL')).toBe('safe\nEVIL');
  });
});

describe('cleanLine', () => {
  it('keeps a table row on one line', () => {
    expect(cleanLine('a\n\nb\tc\u001b[1md')).toBe('a b cd');
  });
});
