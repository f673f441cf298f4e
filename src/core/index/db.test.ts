import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormatId, RunState, SessionSummary } from '../../shared/model';
import type { SearchFilters, SearchResponse } from '../../shared/search';
import { TOOL_RESULT_INDEX_CHARS } from '../../shared/search';
import { sampleSummary } from '../../shared/testkit';
import { IndexDb } from './db';
import { BODY_CAP_BYTES } from './docs';
import { SCORED_MATCHES } from './search';
import type { TrackedFile } from './db';
import type { DocInput } from './docs';
import { SCHEMA_VERSION } from './schema';

function summary(root: string, id: string, extra: Partial<SessionSummary> = {}): SessionSummary {
  return sampleSummary(root, id, {
    title: `Session ${id}`,
    untitled: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    turnCount: 2,
    sizeBytes: 100,
    ...extra,
  });
}

function doc(body: string, extra: Partial<DocInput> = {}): DocInput {
  return { turn: 0, kind: 'message', role: 'user', tool: null, time: null, failed: false, body, ...extra };
}

function file(path: string, root: string, session: string, extra: Partial<TrackedFile> = {}): TrackedFile {
  return {
    path,
    root,
    session,
    dev: 1,
    ino: 2,
    size: 3,
    mtimeMs: 4.5,
    indexedBytes: 3,
    indexedTurns: 1,
    fingerprint: null,
    state: 'indexed',
    error: null,
    ...extra,
  };
}

function state(value: RunState): SessionSummary['state'] {
  return { state: value, turnId: null, turnStartedAt: null };
}

/** The docs table as rows, in a stable order, to compare against what FTS finds. */
function rows(
  db: IndexDb,
): { root: string; session: string; turn: number | null; kind: string; body: string }[] {
  return raw(db)
    .prepare('SELECT root, session, turn, kind, body FROM doc_rows ORDER BY root, session, turn, body')
    .all() as never;
}

/** The connection inside, for the checks only SQL can make. */
function raw(db: IndexDb): DatabaseSync {
  return (db as unknown as { db: DatabaseSync }).db;
}

/** The FTS index is sound, and (with rank 1) agrees with doc_rows row for row. */
function integrityCheck(db: IndexDb): void {
  raw(db).exec("INSERT INTO docs (docs) VALUES ('integrity-check')");
  raw(db).exec("INSERT INTO docs (docs, rank) VALUES ('integrity-check', 1)");
}

function sessionsOf(response: SearchResponse): string[] {
  return response.groups.map((group) => group.session.ref.id);
}

const search = (db: IndexDb, query: string, filters: SearchFilters = {}, limit = 50): SearchResponse =>
  db.search({ query, filters, limit });

describe('IndexDb', () => {
  let db: IndexDb;
  beforeEach(() => {
    db = IndexDb.open(':memory:');
  });
  afterEach(() => db.close());

  describe('files and sessions', () => {
    it('puts, reads, replaces and removes tracked files', () => {
      expect(db.file('/a.jsonl')).toBeNull();
      const a = file('/a.jsonl', 'r1', 's1', { ino: 2 ** 60, mtimeMs: 1767225600123.456 });
      db.putFile(a);
      db.putFile(file('/b.jsonl', 'r2', 's2', { state: 'failed', error: 'bad json' }));
      expect(db.file('/a.jsonl')).toEqual(a);
      expect(db.files().map((f) => f.path)).toEqual(['/a.jsonl', '/b.jsonl']);
      expect(db.files('r2')).toEqual([file('/b.jsonl', 'r2', 's2', { state: 'failed', error: 'bad json' })]);
      db.putFile({ ...a, indexedTurns: 9, state: 'listed' });
      expect(db.file('/a.jsonl')).toMatchObject({ indexedTurns: 9, state: 'listed' });
      db.removeFile('/a.jsonl');
      expect(db.file('/a.jsonl')).toBeNull();
    });

    it('stores the summary as given and lists ids per root', () => {
      const s = summary('r1', 'b', { state: state('running'), projectPath: '/p', pending: true });
      db.putSession(s, 3);
      db.putSession(summary('r1', 'a'), 0);
      db.putSession(summary('r2', 'c'), 0);
      expect(db.summary('r1', 'b')).toEqual(s);
      expect(db.summary('r1', 'zz')).toBeNull();
      expect(db.failedTools('r1', 'b')).toBe(3);
      expect(db.failedTools('r1', 'zz')).toBe(0);
      expect(db.sessionIds('r1')).toEqual(['a', 'b']);
      db.putSession({ ...s, title: 'renamed' }, 4);
      expect(db.summary('r1', 'b')?.title).toBe('renamed');
      expect(db.counts()).toEqual({ sessions: 3, files: 0, docs: 0 });
    });

    it('dropSession and dropRoot remove sessions, files and docs', () => {
      for (const [root, id] of [
        ['r1', 'a'],
        ['r1', 'b'],
        ['r2', 'c'],
      ] as const) {
        db.putSession(summary(root, id), 0);
        db.putFile(file(`/${root}/${id}`, root, id));
        db.replaceDocs(root, id, null, [
          doc(`lighthouse ${id}`),
          doc('meta', { turn: null, kind: 'session' }),
        ]);
      }
      db.putFile(file('/r1/shared', 'r1', ''));
      db.dropSession('r1', 'a');
      expect(db.sessionIds('r1')).toEqual(['b']);
      expect(db.files('r1').map((f) => f.path)).toEqual(['/r1/b', '/r1/shared']);
      expect(rows(db).map((row) => row.session)).toEqual(['b', 'b', 'c', 'c']);
      expect(sessionsOf(search(db, 'lighthouse'))).toEqual(['c', 'b']);

      db.dropRoot('r1');
      expect(db.sessionIds('r1')).toEqual([]);
      expect(db.files('r1')).toEqual([]);
      expect(db.counts()).toEqual({ sessions: 1, files: 1, docs: 2 });
      expect(sessionsOf(search(db, 'lighthouse'))).toEqual(['c']);
      integrityCheck(db);
    });
  });

  describe('transactions', () => {
    it('rolls back everything on a throw, nested calls join the outer one, and a nested throw fails it', () => {
      expect(() =>
        db.transaction(() => {
          db.putSession(summary('r', 'a'), 0);
          db.transaction(() => db.putSession(summary('r', 'b'), 0));
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(db.counts().sessions).toBe(0);

      db.putSession(summary('r', 'kept'), 0);
      expect(() =>
        db.transaction(() => {
          db.putSession(summary('r', 'a'), 0);
          try {
            db.transaction(() => {
              db.putSession(summary('r', 'b'), 0);
              throw new Error('inner');
            });
          } catch {
            // Caught, yet a nested failure still fails the whole transaction.
          }
          return 42;
        }),
      ).toThrow('inner');
      expect(db.sessionIds('r')).toEqual(['kept']);
      expect(db.transaction(() => 42)).toBe(42);
    });

    it('refuses an async body rather than committing before it finishes', () => {
      expect(() => db.transaction(() => Promise.resolve(1))).toThrow(/synchronous/);
      expect(raw(db).isTransaction).toBe(false);
    });
  });

  describe('replaceDocs', () => {
    beforeEach(() => db.putSession(summary('r', 's'), 0));

    it('replaces from a turn on, keeping earlier turns and turn-less docs', () => {
      db.replaceDocs('r', 's', null, [
        doc('title words', { turn: null, kind: 'session', role: null }),
        doc('a fact', { turn: null, kind: 'fact', role: null }),
        doc('turn zero', { turn: 0 }),
        doc('turn one', { turn: 1 }),
        doc('turn two', { turn: 2 }),
      ]);
      db.replaceDocs('r', 's', 1, [doc('turn one again', { turn: 1 }), doc('turn three', { turn: 3 })]);
      expect(rows(db).map((row) => [row.turn, row.body])).toEqual([
        [null, 'a fact'],
        [null, 'title words'],
        [0, 'turn zero'],
        [1, 'turn one again'],
        [3, 'turn three'],
      ]);
      expect(sessionsOf(search(db, 'two'))).toEqual([]);
      expect(search(db, 'again').groups[0]?.hits[0]?.turn).toBe(1);
      integrityCheck(db);

      db.replaceDocs('r', 's', null, [doc('only this', { turn: 0 })]);
      expect(rows(db).map((row) => row.body)).toEqual(['only this']);
      expect(sessionsOf(search(db, 'fact'))).toEqual([]);
      integrityCheck(db);
    });

    it('replaces only the metadata docs with replaceSessionDocs', () => {
      db.replaceDocs('r', 's', null, [
        doc('old title', { turn: null, kind: 'session', role: null }),
        doc('a fact', { turn: null, kind: 'fact', role: null }),
        doc('turn zero', { turn: 0 }),
      ]);
      db.replaceSessionDocs('r', 's', [doc('new title', { turn: null, kind: 'session', role: null })]);
      expect(rows(db).map((row) => row.body)).toEqual(['a fact', 'new title', 'turn zero']);
      integrityCheck(db);
    });

    it('keeps FTS and rows in step through many random replaces', () => {
      const words = ['alpha', 'beta', 'gamma', 'delta', '東京都', 'parseQuery'];
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              session: fc.constantFrom('s', 't'),
              from: fc.option(fc.nat(5)),
              docs: fc.array(fc.record({ turn: fc.option(fc.nat(6)), word: fc.constantFrom(...words) }), {
                maxLength: 5,
              }),
            }),
            { maxLength: 12 },
          ),
          (steps) => {
            const local = IndexDb.open(':memory:');
            try {
              local.putSession(summary('r', 's'), 0);
              local.putSession(summary('r', 't'), 0);
              for (const step of steps) {
                local.replaceDocs(
                  'r',
                  step.session,
                  step.from,
                  step.docs.map((d) => doc(`${d.word} body`, { turn: d.turn })),
                );
              }
              integrityCheck(local);
              for (const word of words) {
                const expected = rows(local).filter((row) => row.body.startsWith(word)).length;
                const found = search(local, word).groups.reduce((sum, group) => sum + group.hitCount, 0);
                expect(found).toBe(expected);
              }
            } finally {
              local.close();
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it('caps a body at BODY_CAP_BYTES without splitting a character', () => {
      const body = 'é'.repeat(BODY_CAP_BYTES);
      db.replaceDocs('r', 's', null, [doc(body)]);
      const stored = rows(db)[0]?.body ?? '';
      expect(Buffer.byteLength(stored)).toBe(BODY_CAP_BYTES);
      expect(stored).toBe('é'.repeat(BODY_CAP_BYTES / 2));
      const emoji = '😀'.repeat(BODY_CAP_BYTES / 3);
      db.replaceDocs('r', 's', null, [doc(emoji)]);
      const cut = rows(db)[0]?.body ?? '';
      expect(cut.length % 2).toBe(0);
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(BODY_CAP_BYTES);
    });

    it('never hands out an id twice, even after its document is gone', () => {
      const idsNow = (): number[] =>
        raw(db)
          .prepare('SELECT id FROM doc_rows')
          .all()
          .map((row) => Number(row.id));
      db.replaceDocs('r', 's', null, [doc('one'), doc('two', { turn: 1 })]);
      const first = idsNow();
      db.replaceDocs('r', 's', null, [doc('one'), doc('two', { turn: 1 })]);
      const second = idsNow();
      expect(second.filter((id) => first.includes(id))).toEqual([]);
    });

    it('fills terms, so identifier parts and CJK pairs are found', () => {
      db.replaceDocs('r', 's', null, [
        doc('enable contextIsolation here'),
        doc('東京都庁の天気', { turn: 1 }),
      ]);
      expect(search(db, 'isolation').groups[0]?.hits.map((hit) => hit.turn)).toEqual([0]);
      const cjk = search(db, '東京');
      expect(cjk.groups[0]?.hits[0]?.snippet).toEqual({ text: '東京都庁の天気', marks: [[0, 2]] });
    });
  });

  describe('search', () => {
    it('answers an empty query with no groups, and says what it ran', () => {
      db.putSession(summary('r', 's'), 0);
      db.replaceDocs('r', 's', null, [doc('anything')]);
      expect(search(db, '   ')).toEqual({
        query: '   ',
        capped: false,
        groups: [],
        toolResultCap: TOOL_RESULT_INDEX_CHARS,
      });
      const long = search(db, `anything\u0007${'x'.repeat(600)}`);
      expect(long.capped).toBe(true);
      expect(long.query).toBe(`anything ${'x'.repeat(503)}`);
      expect(search(db, 'anything', {}, 0).groups).toEqual([]);
    });

    it('ranks a user message above a tool result with the same words', () => {
      db.putSession(summary('r', 'tool'), 0);
      db.putSession(summary('r', 'chat'), 0);
      // The tool result is shorter and says it twice: plain bm25 would put it first.
      db.replaceDocs('r', 'tool', null, [
        doc('signing keys rotate signing keys', { kind: 'tool', role: 'tool', tool: 'bash' }),
      ]);
      db.replaceDocs('r', 'chat', null, [doc('how do I rotate the signing keys of the release pipeline')]);
      expect(sessionsOf(search(db, 'signing keys'))).toEqual(['chat', 'tool']);
    });

    it('ranks session metadata above messages', () => {
      db.putSession(summary('r', 'a'), 0);
      db.putSession(summary('r', 'b'), 0);
      db.replaceDocs('r', 'a', null, [doc('lighthouse maintenance')]);
      db.replaceDocs('r', 'b', null, [
        doc('Lighthouse maintenance', { turn: null, kind: 'session', role: null }),
      ]);
      expect(sessionsOf(search(db, 'lighthouse'))).toEqual(['b', 'a']);
    });

    it('groups hits by session in rank order, at most three per group, and counts them all', () => {
      db.putSession(summary('r', 'many'), 0);
      db.putSession(summary('r', 'best'), 0);
      db.replaceDocs(
        'r',
        'many',
        null,
        [0, 1, 2, 3, 4].map((turn) =>
          doc(`harbour ${'filler '.repeat(turn * 5)}`, { turn, kind: 'tool', role: 'tool' }),
        ),
      );
      db.replaceDocs('r', 'best', null, [doc('harbour lights', { turn: 7 })]);
      const response = search(db, 'harbour');
      expect(sessionsOf(response)).toEqual(['best', 'many']);
      const many = response.groups[1];
      expect(many?.hitCount).toBe(5);
      expect(many?.hits.map((hit) => hit.turn)).toEqual([0, 1, 2]);
      expect(many?.hits[0]).toMatchObject({ kind: 'tool', role: 'tool', tool: null, time: null });
      expect(many?.session).toEqual(summary('r', 'many'));
      expect(sessionsOf(search(db, 'harbour', {}, 1))).toEqual(['best']);
    });

    it('reads past the newest matches of a common word to find filtered hits', () => {
      db.putSession(summary('r', 'old'), 0);
      db.putSession(summary('r', 'new'), 0);
      db.replaceDocs('r', 'old', null, [
        doc('common word in an old tool call', { kind: 'tool', role: 'tool', tool: 'rare-tool' }),
      ]);
      const many = 2 * SCORED_MATCHES + 100;
      db.replaceDocs(
        'r',
        'new',
        null,
        Array.from({ length: many }, (_, turn) => doc(`common ${turn}`, { turn })),
      );
      const all = search(db, 'common');
      expect(all.groups[0]?.session.ref.id).toBe('new');
      // A common word is ranked over its newest SCORED_MATCHES matches, and with too few
      // sessions among them to fill the page, every one of them is counted.
      expect(all.groups[0]?.hitCount).toBe(SCORED_MATCHES);
      expect(sessionsOf(search(db, 'common', { tool: 'rare-tool' }))).toEqual(['old']);
      // A rare word is ranked over every match, however old.
      expect(sessionsOf(search(db, 'tool'))).toEqual(['old']);
    });

    it('ranks a common word over its newest matches by time, not by indexing order', () => {
      db.putSession(summary('r', 'recent'), 0);
      db.putSession(summary('r', 'old'), 0);
      db.replaceDocs('r', 'recent', null, [doc('common recent', { time: '2025-06-01T00:00:00.000Z' })]);
      db.replaceDocs(
        'r',
        'old',
        null,
        Array.from({ length: 2 * SCORED_MATCHES }, (_, turn) =>
          doc(`common old ${turn}`, { turn, time: '2020-01-01T00:00:00.000Z' }),
        ),
      );
      expect(sessionsOf(search(db, 'common'))).toContain('recent');
      // And ids stay exact numbers, in time order.
      const ids = raw(db).prepare('SELECT id, time FROM doc_rows ORDER BY id').all();
      expect(ids.every((row) => Number.isSafeInteger(row.id))).toBe(true);
      expect(ids.at(-1)?.time).toBe('2025-06-01T00:00:00.000Z');
    });

    it('leaves out docs whose session row is missing', () => {
      db.replaceDocs('r', 'ghost', null, [doc('phantom words')]);
      expect(search(db, 'phantom').groups).toEqual([]);
    });

    it('marks every occurrence in the snippet', () => {
      db.putSession(summary('r', 's'), 0);
      db.replaceDocs('r', 's', null, [doc('The Café menu: café au lait, CAFE noir')]);
      const hit = search(db, 'cafe').groups[0]?.hits[0];
      expect(hit?.snippet.text).toBe('The Café menu: café au lait, CAFE noir');
      expect(hit?.snippet.marks).toEqual([
        [4, 8],
        [15, 19],
        [29, 33],
      ]);
    });

    describe('filters', () => {
      beforeEach(() => {
        db.putSession(
          summary('r1', 'a', {
            format: 'orcs',
            projectPath: '/home/me/100%_done',
            state: state('running'),
            updatedAt: '2025-03-10T12:00:00.000Z',
          }),
          0,
        );
        db.putSession(
          summary('r2', 'b', {
            format: 'yoi' as FormatId,
            projectPath: '/work/other',
            state: state('error'),
            updatedAt: '2025-03-20T12:00:00.000Z',
          }),
          0,
        );
        db.replaceDocs('r1', 'a', null, [
          doc('needle from the user', { turn: 0, role: 'user', time: '2025-03-01T08:00:00.000Z' }),
          doc('needle in a failed grep', {
            turn: 1,
            kind: 'tool',
            role: 'tool',
            tool: 'Grep',
            failed: true,
            time: '2025-03-05T23:59:59.000Z',
          }),
        ]);
        db.replaceDocs('r2', 'b', null, [
          doc('needle from the assistant', { turn: 0, role: 'assistant' }),
          doc('needle in a grep that worked', { turn: 1, kind: 'tool', role: 'tool', tool: 'grep' }),
        ]);
      });

      const turns = (filters: SearchFilters): string[] =>
        search(db, 'needle', filters).groups.flatMap((group) =>
          group.hits.map((hit) => `${group.session.ref.id}${hit.turn}`).sort(),
        );

      it('applies none by default', () => expect(turns({}).sort()).toEqual(['a0', 'a1', 'b0', 'b1']));
      it('formats', () => expect(turns({ formats: ['orcs'] })).toEqual(['a0', 'a1']));
      it('roots', () => {
        expect(turns({ roots: ['r2'] })).toEqual(['b0', 'b1']);
        expect(turns({ roots: ['r1', 'r2', 'r3'] }).sort()).toEqual(['a0', 'a1', 'b0', 'b1']);
        expect(turns({ roots: [] })).toEqual([]);
      });
      it('project, as a plain substring', () => {
        expect(turns({ project: '100%_' })).toEqual(['a0', 'a1']);
        expect(turns({ project: 'HOME/ME' })).toEqual(['a0', 'a1']);
        expect(turns({ project: '%' })).toEqual(['a0', 'a1']);
        expect(turns({ project: '_' })).toEqual(['a0', 'a1']);
        expect(turns({ project: 'nowhere' })).toEqual([]);
      });
      it('roles', () => {
        expect(turns({ roles: ['assistant'] })).toEqual(['b0']);
        expect(turns({ roles: ['user', 'tool'] })).toEqual(['a0', 'a1', 'b1']);
      });
      it('tool, case-insensitively', () => expect(turns({ tool: 'GREP' }).sort()).toEqual(['a1', 'b1']));
      it('from and to, on the turn time or else the session time', () => {
        expect(turns({ from: '2025-03-06' })).toEqual(['b0', 'b1']);
        expect(turns({ to: '2025-03-05' })).toEqual(['a0', 'a1']);
        expect(turns({ to: '2025-03-04' })).toEqual(['a0']);
        expect(turns({ from: '2025-03-02', to: '2025-03-19' })).toEqual(['a1']);
        expect(turns({ from: '2025-03-20T12:00:00.000Z' })).toEqual(['b0', 'b1']);
      });
      it('states', () => expect(turns({ states: ['error'] })).toEqual(['b0', 'b1']));
      it('toolFailed', () => {
        expect(turns({ toolFailed: true })).toEqual(['a1']);
        expect(turns({ toolFailed: false }).sort()).toEqual(['a0', 'a1', 'b0', 'b1']);
      });
      it('combined', () => {
        expect(
          turns({ roots: ['r1', 'r2'], tool: 'grep', states: ['error', 'running'], to: '2025-03-10' }),
        ).toEqual(['a1']);
      });
      it('binds values rather than running them', () => {
        const hostile = "x') OR 1=1 --";
        for (const filters of [
          { project: hostile },
          { tool: hostile },
          { roles: [hostile] },
          { formats: [hostile as FormatId] },
          { from: hostile },
        ]) {
          expect(() => turns(filters)).not.toThrow();
        }
        expect(turns({ tool: hostile })).toEqual([]);
      });
    });

    it('never throws on hostile queries', () => {
      db.putSession(summary('r', 's'), 0);
      db.replaceDocs('r', 's', null, [
        doc('NEAR AND OR NOT "quoted" col:value ^start (paren) 東京 😀 tail*'),
      ]);
      const specials = [
        '"',
        '*',
        '(',
        ')',
        ':',
        '^',
        '-',
        'NEAR',
        'AND',
        'OR',
        'NOT',
        '+',
        '{',
        '}',
        '東',
        '😀',
        '\u0000',
      ];
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc
              .array(fc.constantFrom(...specials, ' ', 'a', 'col'), { maxLength: 30 })
              .map((parts) => parts.join('')),
          ),
          (query) => {
            const response = search(db, query);
            expect(response.groups.length).toBeLessThanOrEqual(1);
          },
        ),
        { numRuns: 500 },
      );
      for (const query of ['"', 'NEAR(', '-', '*', 'body:x', '^', '"unterminated', 'a OR', '\ud800']) {
        expect(() => search(db, query)).not.toThrow();
      }
    });

    it('turns an FTS error into an empty answer', () => {
      db.putSession(summary('r', 's'), 0);
      db.replaceDocs('r', 's', null, [doc('anything')]);
      // A MATCH FTS5 refuses, as if parseQuery had let one through.
      type Ranked = (match: string, filters: unknown) => unknown;
      const searcher = (db as unknown as { searcher: { rankedWindow: Ranked } }).searcher;
      const original = searcher.rankedWindow;
      searcher.rankedWindow = (_match, filters) => original.call(searcher, '"unterminated AND', filters);
      expect(search(db, 'anything').groups).toEqual([]);
    });
  });

  describe('page', () => {
    beforeEach(() => {
      db.putSession(summary('r1', 'b', { updatedAt: '2025-01-02T00:00:00.000Z' }), 0);
      db.putSession(summary('r1', 'a', { updatedAt: '2025-01-02T00:00:00.000Z' }), 0);
      db.putSession(summary('r2', 'c', { updatedAt: null }), 0);
      db.putSession(summary('r2', 'd', { updatedAt: '2025-02-01T00:00:00.000Z' }), 0);
      db.putSession(summary('r1', 'e', { updatedAt: null }), 0);
    });
    const ids = (page: { items: SessionSummary[] }): string[] => page.items.map((item) => item.ref.id);

    it('lists newest first, nulls last, ties by id', () => {
      const page = db.page({ offset: 0, limit: 10 });
      expect(ids(page)).toEqual(['d', 'a', 'b', 'c', 'e']);
      expect(page.total).toBe(5);
      expect(page.items[0]).toEqual({
        ...summary('r2', 'd', { updatedAt: '2025-02-01T00:00:00.000Z' }),
        failedToolCalls: 0,
      });
    });

    it('carries each session’s failed tool calls, as last stored, and none for one still pending', () => {
      db.putSession(summary('r1', 'a', { updatedAt: '2025-01-02T00:00:00.000Z' }), 4);
      db.putSession(summary('r2', 'c', { updatedAt: null, pending: true }), 0);
      const byId = new Map(db.page({ offset: 0, limit: 10 }).items.map((item) => [item.ref.id, item]));
      expect(byId.get('a')?.failedToolCalls).toBe(4);
      expect(byId.get('b')?.failedToolCalls).toBe(0);
      expect(byId.get('c')).not.toHaveProperty('failedToolCalls');
      db.putSession(summary('r1', 'a', { updatedAt: '2025-01-02T00:00:00.000Z' }), 5);
      expect(db.page({ root: 'r1', offset: 0, limit: 1 }).items[0]?.failedToolCalls).toBe(5);
    });

    it('pages and filters by root', () => {
      expect(db.page({ offset: 1, limit: 2 })).toMatchObject({ total: 5, offset: 1 });
      expect(ids(db.page({ offset: 1, limit: 2 }))).toEqual(['a', 'b']);
      expect(ids(db.page({ offset: 4, limit: 2 }))).toEqual(['e']);
      expect(ids(db.page({ offset: 9, limit: 2 }))).toEqual([]);
      const r1 = db.page({ root: 'r1', offset: 0, limit: 10 });
      expect([ids(r1), r1.total]).toEqual([['a', 'b', 'e'], 3]);
      const roots = db.page({ roots: ['r2'], offset: 0, limit: 1 });
      expect([ids(roots), roots.total]).toEqual([['d'], 2]);
      expect(db.page({ roots: [], offset: 0, limit: 10 }).total).toBe(0);
      expect(ids(db.page({ roots: ['r1', 'r2', 'r9'], offset: 0, limit: 10 }))).toEqual([
        'd',
        'a',
        'b',
        'c',
        'e',
      ]);
      expect(ids(db.page({ roots: ['r1', 'r9'], offset: 0, limit: 10 }))).toEqual(['a', 'b', 'e']);
      expect(db.page({ root: 'r1', roots: ['r2'], offset: 0, limit: 10 }).total).toBe(0);
    });
  });
});

describe('IndexDb on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sessionscope-indexdb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates its directory and keeps data across opens, in WAL mode', () => {
    const path = join(dir, 'nested', 'deeper', 'index.db');
    const first = IndexDb.open(path);
    expect(first.recovered).toBeNull();
    first.putSession(summary('r', 's'), 0);
    first.replaceDocs('r', 's', null, [doc('persistent words')]);
    expect(raw(first).prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(raw(first).prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
    first.close();
    const second = IndexDb.open(path);
    expect(second.recovered).toBeNull();
    expect(sessionsOf(search(second, 'persistent'))).toEqual(['s']);
    integrityCheck(second);
    second.close();
  });

  it('sets a file that is not a database aside and starts afresh', () => {
    const path = join(dir, 'index.db');
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256));
    writeFileSync(path, garbage);
    writeFileSync(`${path}-wal`, 'stale wal');
    const db = IndexDb.open(path);
    expect(db.recovered).toMatch(/not a database file.*moved to .*index\.db\.broken-/);
    expect(db.counts()).toEqual({ sessions: 0, files: 0, docs: 0 });
    db.putSession(summary('r', 's'), 0);
    db.close();
    const aside = readdirSync(dir).filter((name) => name.startsWith('index.db.broken-'));
    expect(aside).toHaveLength(2);
    const moved = aside.find((name) => !name.endsWith('-wal')) ?? '';
    expect(readFileSync(join(dir, moved))).toEqual(garbage);
    expect(readFileSync(join(dir, `${moved}-wal`), 'utf8')).toBe('stale wal');
    const again = IndexDb.open(path);
    expect(again.recovered).toBeNull();
    expect(again.sessionIds('r')).toEqual(['s']);
    again.close();
  });

  it('sets aside short garbage, and garbage behind a valid header', () => {
    const path = join(dir, 'index.db');
    for (const bytes of [
      Buffer.from('not sqlite'),
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0xa5)]),
    ]) {
      writeFileSync(path, bytes);
      const db = IndexDb.open(path);
      expect(db.recovered).toMatch(/moved to/);
      db.putSession(summary('r', 's'), 0);
      db.close();
    }
    expect(readdirSync(dir).filter((name) => name.startsWith('index.db.broken-'))).toHaveLength(2);
  });

  it('sets aside a database of another schema version', () => {
    const path = join(dir, 'index.db');
    const first = IndexDb.open(path);
    first.putSession(summary('r', 's'), 0);
    raw(first).exec(`UPDATE meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    first.close();
    const second = IndexDb.open(path);
    expect(second.recovered).toMatch(
      new RegExp(`schema version ${SCHEMA_VERSION + 1}, not ${SCHEMA_VERSION}`),
    );
    expect(second.counts().sessions).toBe(0);
    second.close();
    expect(readdirSync(dir).some((name) => name.startsWith('index.db.broken-'))).toBe(true);
  });

  it('sets aside a database with tables of its own', () => {
    const path = join(dir, 'index.db');
    const other = new DatabaseSync(path);
    other.exec('CREATE TABLE unrelated (x)');
    other.close();
    const db = IndexDb.open(path);
    expect(db.recovered).toMatch(/another kind/);
    db.close();
  });

  it('does not set aside a database it cannot open for other reasons', () => {
    const path = join(dir, 'a-directory');
    IndexDb.open(join(path, 'x.db')).close();
    expect(() => IndexDb.open(path)).toThrow();
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(dir)).toEqual(['a-directory']);
  });
});
