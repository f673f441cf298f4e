import { describe, expect, it } from 'vitest';
import { displayWidth, table, truncate } from './columns';

describe('displayWidth', () => {
  it('counts wide characters twice and combining marks not at all', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🙂')).toBe(2);
    expect(displayWidth('👩🏽‍💻')).toBe(2);
    expect(displayWidth('🇯🇵')).toBe(2);
    expect(displayWidth('©')).toBe(1);
    expect(displayWidth('❤️')).toBe(2);
  });
});

describe('truncate', () => {
  it('leaves short text alone and cuts long text to the width with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghijk', 5)).toBe('abcd…');
    expect(displayWidth(truncate('日本語日本語', 5))).toBeLessThanOrEqual(5);
    expect(truncate('ab👩🏽‍💻cd', 4)).toBe('ab…');
  });
});

describe('table', () => {
  it('aligns columns by display width and right-aligns where asked', () => {
    const out = table(
      [
        ['NAME', 'N', 'ID'],
        ['日本', '3', 'a'],
        ['abcdef', '120', 'b'],
      ],
      ['left', 'right', 'left'],
    );
    expect(out).toBe('NAME      N  ID\n日本      3  a\nabcdef  120  b\n');
  });

  it('leaves no trailing spaces after an empty last cell', () => {
    expect(
      table([
        ['LINE', 'REASON', 'TEXT'],
        ['2', 'blank line', ''],
      ]),
    ).toBe('LINE  REASON      TEXT\n2     blank line\n');
  });
});
