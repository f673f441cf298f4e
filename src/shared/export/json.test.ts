import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../model';
import { exportJson } from './json';
import { collect, detailOf, hostileSession, pagesOf, turn } from './testing';

describe('exportJson', () => {
  it('parses back to exactly the session it was given', async () => {
    const { detail, turns } = hostileSession();
    const json = await collect(exportJson(detail, pagesOf(turns, 3)));
    expect(JSON.parse(json)).toEqual({ summary: detail.summary, compactions: detail.compactions, turns });
  });

  it('is valid JSON for a session without turns, and skips empty pages', async () => {
    const detail = detailOf([]);
    expect(JSON.parse(await collect(exportJson(detail, pagesOf([]))))).toMatchObject({ turns: [] });
    async function* sparse() {
      yield [];
      yield [turn(0, 'a')];
      yield [];
      yield [turn(1, 'b')];
    }
    const parsed = JSON.parse(await collect(exportJson(detail, sparse()))) as { turns: Turn[] };
    expect(parsed.turns.map((each) => each.text)).toEqual(['a', 'b']);
  });

  it('writes no raw control, separator or bidi character, yet keeps them in the data', async () => {
    const text = 'a\u0000b\u009bc\u2028d\u202ee\u2066f\u007f';
    const json = await collect(exportJson(detailOf([]), pagesOf([turn(0, text)])));
    // Line breaks between turns are the document's own.
    expect(json.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
    expect((JSON.parse(json) as { turns: Turn[] }).turns[0]?.text).toBe(text);
  });

  it('round-trips arbitrary turns', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary' }), { maxLength: 7 }), async (texts) => {
        const turns = texts.map((text, index) =>
          turn(index, text, { role: text, metadata: { [text]: text } }),
        );
        const json = await collect(exportJson(detailOf(turns), pagesOf(turns, 2)));
        expect((JSON.parse(json) as { turns: Turn[] }).turns).toEqual(turns);
      }),
    );
  });
});
