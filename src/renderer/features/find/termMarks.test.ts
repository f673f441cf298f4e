import { describe, expect, it } from 'vitest';
import { highlightSlices } from '../search/highlight';
import { termMarks } from './termMarks';

describe('termMarks', () => {
  it('marks every occurrence of every term, ignoring case', () => {
    const text = 'The Lighthouse keeper keeps the lighthouse.';
    expect(termMarks(text, ['lighthouse', 'keep'])).toEqual([
      [4, 14],
      [15, 19],
      [22, 26],
      [32, 42],
    ]);
  });

  it('takes the longest term at a place and never reads a term as a pattern', () => {
    expect(termMarks('a.b a+b axb', ['a.b'])).toEqual([[0, 3]]);
    expect(termMarks('(x) [y]', ['(x)', '[y]'])).toEqual([
      [0, 3],
      [4, 7],
    ]);
    expect(termMarks('foobar', ['foo', 'foobar'])).toEqual([[0, 6]]);
  });

  it('marks nothing without terms', () => {
    expect(termMarks('anything', [])).toEqual([]);
    expect(termMarks('anything', ['', '  '])).toEqual([]);
  });

  it('gives offsets that cut the text back into itself', () => {
    const text = 'naïve 東京 and emoji 😀 here';
    const slices = highlightSlices(text, termMarks(text, ['東京', '😀']));
    expect(slices.map((slice) => slice.text).join('')).toBe(text);
    expect(slices.filter((slice) => slice.marked).map((slice) => slice.text)).toEqual(['東京', '😀']);
  });
});
