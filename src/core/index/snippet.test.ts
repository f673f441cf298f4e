import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNIPPET_CHARS, fold, snippetOf } from './snippet';

/** The marked texts, to read a test at a glance. */
function marked(body: string, highlights: string[]): string[] {
  const { text, marks } = snippetOf(body, highlights);
  return marks.map(([start, end]) => text.slice(start, end));
}

describe('snippetOf', () => {
  it('returns a short body whole, with every occurrence marked', () => {
    expect(snippetOf('Rotate the keys, then rotate again', ['rotate'])).toEqual({
      text: 'Rotate the keys, then rotate again',
      marks: [
        [0, 6],
        [22, 28],
      ],
    });
  });

  it('cuts a window around the first occurrence on word boundaries', () => {
    const body = `${'lorem ipsum dolor '.repeat(30)}the needle is here ${'sit amet consectetur '.repeat(30)}`;
    const { text, marks } = snippetOf(body, ['needle']);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2);
    expect(text.length).toBeGreaterThan(SNIPPET_CHARS - 60);
    // Whole words at both cuts.
    expect(text).toMatch(/^…(lorem|ipsum|dolor) /);
    expect(text).toMatch(/ (sit|amet|consectetur)…$/);
    expect(marks).toHaveLength(1);
    const [start, end] = marks[0] ?? [0, 0];
    expect(text.slice(start, end)).toBe('needle');
    expect(start).toBeLessThan(text.length / 2);
  });

  it('marks every highlight, merging overlaps, sorted', () => {
    expect(marked('foobar foo bar', ['foo', 'oba', 'bar'])).toEqual(['foobar', 'foo', 'bar']);
    expect(snippetOf('aaaa', ['aa']).marks).toEqual([[0, 4]]);
    expect(marked('Context isolation: contextIsolation', ['isolation'])).toEqual(['isolation', 'Isolation']);
  });

  it('folds case and Latin diacritics, and keeps combining marks with their letter', () => {
    expect(marked('Crème BRÛLÉE and creme brulee', ['brulee', 'crème'])).toEqual([
      'Crème',
      'BRÛLÉE',
      'creme',
      'brulee',
    ]);
    const decomposed = 'cafe\u0301 time';
    expect(snippetOf(decomposed, ['cafe']).marks).toEqual([[0, 5]]);
    expect(marked('İstanbul', ['istanbul'])).toEqual(['İstanbul']);
  });

  it('does not fold kana together', () => {
    expect(marked('がか', ['か'])).toEqual(['か']);
  });

  it('marks CJK text', () => {
    expect(snippetOf('東京都庁の天気を教えて', ['東京', '天気'])).toEqual({
      text: '東京都庁の天気を教えて',
      marks: [
        [0, 2],
        [5, 7],
      ],
    });
    const long = `${'天気'.repeat(200)}東京${'天気'.repeat(200)}`;
    const { text, marks } = snippetOf(long, ['東京']);
    expect(text.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2);
    expect(marks.map(([start, end]) => text.slice(start, end))).toEqual(['東京']);
  });

  it('never splits a surrogate pair, in marks or at the cuts', () => {
    const emoji = '😀';
    const body = `${emoji.repeat(200)}needle${emoji.repeat(200)}`;
    const { text, marks } = snippetOf(body, ['needle', emoji]);
    const units = [...text.replace(/^…|…$/g, '')];
    expect(units.every((unit) => unit === emoji || /^[needl]$/.test(unit))).toBe(true);
    for (const [start, end] of marks) {
      expect(text.slice(start, end)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(marked(`a${emoji}b ${emoji}`, [emoji])).toEqual([emoji, emoji]);
  });

  it('shows the start when nothing occurs, without marks', () => {
    const body = `${'word '.repeat(100)}`;
    const { text, marks } = snippetOf(body, ['absent']);
    expect(marks).toEqual([]);
    expect(text.startsWith('word word')).toBe(true);
    expect(text.endsWith('word…')).toBe(true);
    expect(snippetOf('short', [])).toEqual({ text: 'short', marks: [] });
    expect(snippetOf('', ['x'])).toEqual({ text: '', marks: [] });
  });

  it('finds a needle deep in a long body, folded or not', () => {
    const filler = 'ünïcode filler '.repeat(3000);
    expect(marked(`${filler} the Needle (x) ${filler}`, ['needle (x)'])).toEqual(['Needle (x)']);
    expect(marked(`${filler} a Crème ${filler}`, ['creme'])).toEqual(['Crème']);
    expect(snippetOf(`${filler} end`, ['absent']).marks).toEqual([]);
  });

  it('puts tool output on one line', () => {
    expect(snippetOf('line one\n\n    line two\tthree\n', ['two'])).toEqual({
      text: 'line one line two three',
      marks: [[14, 17]],
    });
  });

  it('keeps a highlight longer than the window whole', () => {
    const phrase = 'word '.repeat(50).trim();
    const body = `before ${phrase} after ${'x '.repeat(200)}`;
    const { text, marks } = snippetOf(body, [phrase]);
    expect(marks.map(([start, end]) => text.slice(start, end))).toEqual([phrase]);
  });

  it('gives well-formed marks for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 600 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 4 }), { maxLength: 4 }),
        (body, highlights) => {
          const { text, marks } = snippetOf(body, highlights);
          let last = 0;
          for (const [start, end] of marks) {
            expect(start).toBeGreaterThanOrEqual(last);
            expect(end).toBeGreaterThan(start);
            expect(end).toBeLessThanOrEqual(text.length);
            for (const edge of [start, end]) {
              const before = text.charCodeAt(edge - 1);
              const after = text.charCodeAt(edge);
              expect(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff).toBe(false);
            }
            last = end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fold', () => {
  it('maps folded ranges back to whole code points', () => {
    const folded = fold('Ÿ😀é');
    expect(folded.text).toBe('y😀e');
    expect(folded.span(0, 1)).toEqual([0, 1]);
    expect(folded.span(1, 3)).toEqual([1, 3]);
    expect(folded.span(3, 4)).toEqual([3, 4]);
  });

  it('folds a whole text as it folds each of its code points', () => {
    const pointwise = (text: string): string => [...text].map((point) => fold(point).text).join('');
    // A final capital sigma lowercases to ς in a whole string, but to σ on its own.
    expect(fold('ΟΔΟΣ ΣΟΦΟΣ').text).toBe('οδοσ σοφοσ');
    for (const text of ['会话 Timeout テスト', 'Ünïcode ПРИВЕТ', 'İstanbul', 'ẞtraße']) {
      expect(fold(text).text, text).toBe(pointwise(text));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(fold(text).text).toBe(pointwise(text));
      }),
      { numRuns: 2000 },
    );
  });
});
