import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cjkBigrams, extraTerms, identifierParts, splitCjk } from './text';

describe('extraTerms', () => {
  it('splits identifiers that unicode61 keeps whole', () => {
    expect(extraTerms('contextIsolation')).toBe('context isolation');
    expect(extraTerms('ContextIsolation')).toBe('context isolation');
    expect(extraTerms('XMLParser')).toBe('xml parser');
    expect(extraTerms('getHTTPResponse2')).toBe('get http response2');
    expect(extraTerms('utf8Decoder')).toBe('utf8 decoder');
  });

  it('adds nothing that the body already has as tokens', () => {
    expect(extraTerms('context_isolation CONTEXT_ISOLATION context-isolation src/main/index.ts')).toBe('');
    expect(extraTerms('Plain Capitalised words and ALLCAPS')).toBe('');
    expect(extraTerms('')).toBe('');
  });

  it('emits overlapping bigrams of each CJK run, and nothing for a single character', () => {
    expect(extraTerms('東京都庁')).toBe('東京 京都 都庁');
    expect(extraTerms('東')).toBe('');
    expect(extraTerms('東、京')).toBe('');
    expect(extraTerms('コーヒー')).toBe('コー ーヒ ヒー');
    expect(extraTerms('서울시청')).toBe('서울 울시 시청');
  });

  it('keeps the Latin pieces of a token that mixes scripts, which the body cannot find', () => {
    expect(extraTerms('これはReactのcomponentです')).toBe('これ れは react component です');
  });

  it('repeats a bigram for each token it occurs in, so each token stays a contiguous phrase', () => {
    expect(extraTerms('東京都庁 京都大学 東京都庁 contextIsolation')).toBe(
      '東京 京都 都庁 京都 都大 大学 context isolation',
    );
  });

  it('handles characters outside the BMP', () => {
    expect(extraTerms('𠮷野家 😀 fooBar')).toBe('𠮷野 野家 foo bar');
  });

  it('stops at 200,000 characters', () => {
    expect(extraTerms(`${'a '.repeat(100_000)}fooBar`)).toBe('');
    expect(extraTerms(`${'a '.repeat(99_990)}fooBar`)).toBe('foo bar');
  });

  it('gets through a megabyte', () => {
    const chunk = 'const win = new BrowserWindow({ contextIsolation: true }); 東京都庁に行きました。\n';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    expect(extraTerms(text)).toContain('browser window');
  });

  it('emits only space-separated tokens without throwing, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expect(extraTerms(text)).toMatch(/^(\S+( \S+)*)?$/u);
      }),
    );
  });
});

describe('helpers shared with the query side', () => {
  it('splits text into alternating other and CJK pieces', () => {
    expect(splitCjk('東京tower 京都')).toEqual(['', '東京', 'tower ', '京都', '']);
    expect(splitCjk('plain')).toEqual(['plain']);
  });

  it('leaves long runs and lowercase runs whole', () => {
    expect(identifierParts('isolation')).toEqual(['isolation']);
    expect(identifierParts('aB'.repeat(40))).toEqual(['ab'.repeat(40)]);
  });

  it('pairs characters, not UTF-16 units', () => {
    expect(cjkBigrams('𠮷野家')).toEqual(['𠮷野', '野家']);
    expect(cjkBigrams('東')).toEqual([]);
  });
});
