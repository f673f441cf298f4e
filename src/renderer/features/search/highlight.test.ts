import { describe, expect, it } from 'vitest';
import { highlightSlices } from './highlight';

const marked = (text: string) => ({ text, marked: true });
const plain = (text: string) => ({ text, marked: false });

describe('highlightSlices', () => {
  it('cuts text into plain and marked runs', () => {
    expect(
      highlightSlices('the flaky parser test', [
        [4, 9],
        [17, 21],
      ]),
    ).toEqual([plain('the '), marked('flaky'), plain(' parser '), marked('test')]);
  });

  it('returns the text alone when nothing is marked, and nothing for no text', () => {
    expect(highlightSlices('plain', [])).toEqual([plain('plain')]);
    expect(highlightSlices('', [[0, 3]])).toEqual([]);
  });

  it('marks the whole text', () => {
    expect(highlightSlices('all', [[0, 3]])).toEqual([marked('all')]);
  });

  it('sorts marks and merges overlapping and touching ones', () => {
    expect(
      highlightSlices('abcdefghij', [
        [6, 8],
        [1, 4],
        [2, 5],
        [5, 6],
      ]),
    ).toEqual([plain('a'), marked('bcdefgh'), plain('ij')]);
    expect(
      highlightSlices('abcdef', [
        [1, 5],
        [2, 3],
      ]),
    ).toEqual([plain('a'), marked('bcde'), plain('f')]);
  });

  it('clamps out-of-range marks and drops empty, reversed and malformed ones', () => {
    expect(
      highlightSlices('abc', [
        [-5, 1],
        [2, 99],
      ]),
    ).toEqual([marked('a'), plain('b'), marked('c')]);
    expect(
      highlightSlices('abc', [
        [2, 2],
        [3, 1],
        [Number.NaN, 2],
        [0, Number.POSITIVE_INFINITY],
        [50, 60],
      ]),
    ).toEqual([plain('abc')]);
  });

  it('truncates fractional offsets', () => {
    expect(highlightSlices('abcd', [[1.7, 2.2]])).toEqual([plain('a'), marked('b'), plain('cd')]);
  });

  it('never splits a surrogate pair, widening a mark over the whole character', () => {
    const text = 'a😀b🎉c';
    // 😀 is text[1..3), 🎉 is text[4..6).
    expect(highlightSlices(text, [[2, 3]])).toEqual([plain('a'), marked('😀'), plain('b🎉c')]);
    expect(highlightSlices(text, [[1, 2]])).toEqual([plain('a'), marked('😀'), plain('b🎉c')]);
    expect(highlightSlices(text, [[3, 5]])).toEqual([plain('a😀'), marked('b🎉'), plain('c')]);
    for (const slice of highlightSlices(text, [[2, 5]])) {
      expect(slice.text).not.toMatch(/\p{Cs}/u);
    }
  });

  it('keeps every character exactly once', () => {
    const text = 'x😀y🎉z'.repeat(3);
    const marks: [number, number][] = [
      [0, 4],
      [3, 9],
      [11, 12],
      [14, 40],
      [-1, 2],
    ];
    expect(
      highlightSlices(text, marks)
        .map((slice) => slice.text)
        .join(''),
    ).toBe(text);
  });
});
