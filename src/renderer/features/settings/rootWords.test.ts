import { describe, expect, it } from 'vitest';
import { originWords, sizeWords } from './rootWords';

describe('root words', () => {
  it('says where every kind of root came from', () => {
    expect(originWords('added')).toBe('Added by you');
    expect(originWords('cli')).toMatch(/--root/);
  });

  it('gives sizes in KB below a megabyte and in MB with one decimal above', () => {
    expect(sizeWords(0)).toBe('1 KB');
    expect(sizeWords(200 * 1024)).toBe('200 KB');
    expect(sizeWords(5.25 * 1024 * 1024)).toBe('5.3 MB');
  });
});
