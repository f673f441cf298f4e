import fc from 'fast-check';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { matchWords, MAX_QUERY_TERMS, parseQuery } from './query';
import { extraTerms } from './text';

// The real table's columns and tokenizer; plain rather than external content, which only
// changes where the text is stored, not what matches.
const db = new DatabaseSync(':memory:');
db.exec("CREATE VIRTUAL TABLE docs USING fts5(body, terms, tokenize = 'unicode61 remove_diacritics 2')");

const bodies = [
  'the harbour keeper lit the lamp',
  'the lighthouse keeper watched the storm',
  'harbour ledger: storm warning issued',
  'webPreferences: { contextIsolation: true }',
  'flag context_isolation is set',
  'ContextIsolation enabled',
  'CONTEXT_ISOLATION=1',
  'see context-isolation docs',
  'edit src/main/index.ts now',
  'new XMLParser()',
  '東京都庁に行きました',
  'これはReactのcomponentです',
  'コーヒーを飲む',
  '서울시청 앞',
  'Café Société',
  'NEAR AND OR NOT are words here',
];
const insert = db.prepare('INSERT INTO docs (body, terms) VALUES (?, ?)');
for (const body of bodies) insert.run(body, extraTerms(body));
const select = db.prepare('SELECT body FROM docs WHERE docs MATCH ? ORDER BY rowid');

function find(query: string): string[] {
  const { match } = parseQuery(query);
  return match === null ? [] : select.all(match).map((row) => row.body as string);
}

const identifiers = bodies.slice(3, 8);

describe('parseQuery against a real FTS5 table', () => {
  it('requires every word', () => {
    expect(find('harbour keeper')).toEqual(['the harbour keeper lit the lamp']);
    expect(find('keeper')).toHaveLength(2);
  });

  it('matches a quoted phrase only with its words side by side', () => {
    expect(find('"lighthouse keeper"')).toEqual(['the lighthouse keeper watched the storm']);
    expect(find('"keeper lighthouse"')).toEqual([]);
    // An unclosed quote runs to the end.
    expect(find('"storm warning')).toEqual(['harbour ledger: storm warning issued']);
  });

  it('matches a prefix', () => {
    expect(find('light*')).toEqual(['the lighthouse keeper watched the storm']);
    expect(find('light')).toEqual([]);
  });

  it('excludes words and phrases', () => {
    expect(find('keeper -storm')).toEqual(['the harbour keeper lit the lamp']);
    expect(find('harbour -"storm warning"')).toEqual(['the harbour keeper lit the lamp']);
    expect(find('storm -light* -ledger')).toEqual([]);
  });

  it('finds identifiers by their parts, however they are joined', () => {
    expect(find('isolation')).toEqual(identifiers);
    expect(find('context')).toEqual(identifiers);
    expect(find('preferences')).toEqual([bodies[3]]);
    expect(find('index')).toEqual(['edit src/main/index.ts now']);
    expect(find('main/index')).toEqual(['edit src/main/index.ts now']);
    expect(find('parser')).toEqual(['new XMLParser()']);
  });

  it('finds an identifier typed in one style written in another', () => {
    expect(find('contextIsolation')).toEqual(identifiers);
    expect(find('context_isolation')).toEqual(identifiers);
    expect(find('CONTEXT-ISOLATION')).toEqual(identifiers);
    expect(find('contextIso*')).toEqual(identifiers);
  });

  it('finds any identifier by each part and in every style', () => {
    const styles: ((words: string[]) => string)[] = [
      (words) => words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join(''),
      (words) => words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(''),
      (words) => words.join('_'),
      (words) => words.join('_').toUpperCase(),
      (words) => words.join('-'),
    ];
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 2, maxLength: 4 }),
        fc.nat(4),
        fc.nat(4),
        (words, written, typed) => {
          const body = `x ${styles[written]?.(words)} y`;
          const { lastInsertRowid } = insert.run(body, extraTerms(body));
          try {
            const hits = (query: string) => find(query).includes(body);
            for (const part of words) expect(hits(part), part).toBe(true);
            expect(hits(styles[typed]?.(words) ?? '')).toBe(true);
          } finally {
            db.prepare('DELETE FROM docs WHERE rowid = ?').run(lastInsertRowid);
          }
        },
      ),
    );
  });

  it('finds CJK text by any run of two or more of its characters', () => {
    const tocho = ['東京都庁に行きました'];
    for (const part of ['東京', '京都', '都庁', '東京都', '京都庁', '東京都庁', '行きました']) {
      expect(find(part), part).toEqual(tocho);
    }
    expect(find('東都')).toEqual([]);
    expect(find('庁京')).toEqual([]);
    expect(find('コーヒー')).toEqual(['コーヒーを飲む']);
    expect(find('시청')).toEqual(['서울시청 앞']);
  });

  it('finds Latin words glued to CJK', () => {
    expect(find('react')).toEqual(['これはReactのcomponentです']);
    expect(find('"component です"')).toEqual(['これはReactのcomponentです']);
  });

  it('has nothing to look for in a single CJK character, unless it is a prefix', () => {
    expect(parseQuery('東').match).toBeNull();
    expect(find('東 都庁')).toEqual(['東京都庁に行きました']);
    expect(find('東*')).toEqual(['東京都庁に行きました']);
  });

  it('ignores case and diacritics', () => {
    expect(find('HARBOUR Keeper')).toEqual(['the harbour keeper lit the lamp']);
    expect(find('cafe societe')).toEqual(['Café Société']);
    expect(find('CAFÉ')).toEqual(['Café Société']);
  });

  it('treats FTS5 operators and punctuation as text', () => {
    expect(find('NEAR AND OR NOT')).toEqual(['NEAR AND OR NOT are words here']);
    expect(find('not(are words)')).toEqual(['NEAR AND OR NOT are words here']);
    expect(find('ledger:storm')).toEqual(['harbour ledger: storm warning issued']);
    expect(find('harbour: ^keeper {lamp} +lit')).toEqual(['the harbour keeper lit the lamp']);
    expect(find('harbour OR lighthouse')).toEqual([]);
  });
});

describe('parseQuery', () => {
  it('has nothing to look for without a positive term', () => {
    for (const query of [
      '',
      '   ',
      '-storm',
      '-"storm warning" -keeper',
      '() : ^ * "" - "',
      '\u0000\u001b',
    ]) {
      expect(parseQuery(query), query).toEqual({ match: null, highlights: [], capped: false });
    }
  });

  it('quotes every term', () => {
    expect(parseQuery('say "hi ""there"" NEAR" x*').match).toBe(
      '("say" AND "hi " AND "there" AND " NEAR" AND "x"*)',
    );
  });

  it('highlights positive terms, lowercased, prefixes without the star', () => {
    expect(parseQuery('Harbour "Storm Warning" light* -keeper -"the lamp"').highlights).toEqual([
      'harbour',
      'storm warning',
      'light',
    ]);
  });

  it('caps a long query', () => {
    expect(parseQuery('harbour keeper harbour').match).toBe('("harbour" AND "keeper")');
    const long = parseQuery('harbour '.repeat(1250));
    expect(long.capped).toBe(true);
    expect(long.match).not.toBeNull();
    expect(parseQuery('x'.repeat(10_000)).capped).toBe(true);
    const many = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(many.capped).toBe(true);
    expect(many.highlights).toHaveLength(MAX_QUERY_TERMS);
    expect(parseQuery('harbour keeper').capped).toBe(false);
  });

  it('lists the words of its MATCH, each a MATCH of its own', () => {
    const words = (query: string): string[] => matchWords(parseQuery(query).match ?? '');
    expect(words('src/main/index.ts contextIsolation -"Foo bar" 会话')).toEqual([
      '"src"',
      '"main"',
      '"index"',
      '"ts"',
      '"contextisolation"',
      '"context"',
      '"isolation"',
      '"会话"',
      '"foo"',
      '"bar"',
    ]);
    // A prefix keeps its star on its last word.
    expect(words('foo_bar* say "hi ""there""" Café')).toEqual([
      '"foo"',
      '"bar"*',
      '"foobar"*',
      '"say"',
      '"hi"',
      '"there"',
      '"café"',
    ]);
    for (const word of words('src/main/index.ts foo_bar* 東京都 -"a ""b"" c"')) {
      expect(() => select.all(word), word).not.toThrow();
    }
  });

  it('turns control characters into spaces', () => {
    expect(find('harbour\u0000keeper')).toEqual(['the harbour keeper lit the lamp']);
  });

  it('never throws, and FTS5 never rejects what it returns', () => {
    const syntax = fc
      .array(
        fc.constantFrom(
          '"',
          '*',
          '-',
          '(',
          ')',
          ':',
          '^',
          '{',
          '}',
          '+',
          ' ',
          'AND',
          'OR',
          'NOT',
          'NEAR',
          'a',
          '東',
          '京',
          'body',
          'fooBar',
          '_',
          '.',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    const input = fc.oneof(
      syntax,
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme', maxLength: 600 }),
      fc.string({ unit: 'binary', minLength: 500, maxLength: 2000 }),
    );
    fc.assert(
      fc.property(input, (query) => {
        const { match } = parseQuery(query);
        if (match !== null) select.all(match);
      }),
      { numRuns: 2000 },
    );
  });
});
