import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleSummary } from '../../shared/testkit';
import { IndexDb } from './db';
import type { DocInput } from './docs';

function doc(turn: number | null, body: string, extra: Partial<DocInput> = {}): DocInput {
  return { turn, kind: 'message', role: 'user', tool: null, time: null, failed: false, body, ...extra };
}

function put(db: IndexDb, session: string, docs: DocInput[], state: 'indexed' | 'listed' = 'indexed'): void {
  db.putSession(sampleSummary('r', session), 0);
  db.replaceDocs('r', session, null, docs);
  db.putFile({
    path: `/sessions/${session}.jsonl`,
    root: 'r',
    session,
    dev: 1,
    ino: 1,
    size: 1,
    mtimeMs: 1,
    indexedBytes: 1,
    indexedTurns: docs.filter((each) => each.turn !== null).length,
    fingerprint: null,
    state,
    error: null,
  });
}

describe('IndexDb.find', () => {
  let db: IndexDb;
  beforeEach(() => {
    db = IndexDb.open(':memory:');
    put(db, 'chat', [
      doc(null, 'session title mentions lighthouse', { kind: 'session' }),
      doc(0, 'the lighthouse keeper'),
      doc(1, 'nothing to see'),
      doc(2, 'read_file', { kind: 'tool', role: 'tool', tool: 'read_file' }),
      doc(2, 'Lighthouse again, with contextIsolation'),
      doc(3, 'lighthouse', { kind: 'tool', role: 'tool', tool: 'grep' }),
    ]);
    put(db, 'other', [doc(0, 'lighthouse elsewhere')]);
  });
  afterEach(() => db.close());

  it('answers the matching turns of the one session, in order, once each', () => {
    expect(db.find('r', 'chat', 'lighthouse', 100)).toEqual({
      turns: [0, 2, 3],
      total: 3,
      highlights: ['lighthouse'],
      indexedTurns: 5,
    });
  });

  it("leaves out what is no turn's: the session's own title", () => {
    expect(db.find('r', 'chat', 'title', 100)?.turns).toEqual([]);
  });

  it('cuts the list at the limit but still counts every match', () => {
    const found = db.find('r', 'chat', 'lighthouse', 2);
    expect(found?.turns).toEqual([0, 2]);
    expect(found?.total).toBe(3);
  });

  it('speaks the search box language: phrases, prefixes, exclusions, identifier parts', () => {
    expect(db.find('r', 'chat', '"lighthouse keeper"', 100)?.turns).toEqual([0]);
    expect(db.find('r', 'chat', 'light*', 100)?.turns).toEqual([0, 2, 3]);
    expect(db.find('r', 'chat', 'lighthouse -keeper', 100)?.turns).toEqual([2, 3]);
    expect(db.find('r', 'chat', 'context_isolation', 100)?.turns).toEqual([2]);
  });

  it('finds nothing, and never throws, for hostile or empty queries', () => {
    for (const query of [
      '',
      '   ',
      '"',
      'NEAR(a b)',
      'body:lighthouse',
      '^lighthouse',
      '(((',
      '* OR *',
      "'; DROP TABLE docs; --",
      '\u0000\u0001',
      '\ud800',
      '-lighthouse',
      'x'.repeat(10_000),
    ]) {
      const found = db.find('r', 'chat', query, 100);
      expect(found, query).not.toBeNull();
      expect(
        found?.turns.every((turn) => [0, 2, 3].includes(turn)),
        query,
      ).toBe(true);
    }
    expect(db.find('r', 'chat', '-lighthouse', 100)?.turns).toEqual([]);
    expect(db.find('r', 'chat', '"', 100)?.turns).toEqual([]);
    expect(db.find('r', 'chat', 'AND', 100)?.turns).toEqual([]);
    expect(db.find('r', 'chat', 'lighthouse)', 100)?.turns).toEqual([0, 2, 3]);
  });

  it('says when it cannot answer: a session not indexed, or not yet wholly read', () => {
    expect(db.find('r', 'missing', 'lighthouse', 100)).toBeNull();
    put(db, 'half', [doc(0, 'lighthouse')], 'listed');
    expect(db.find('r', 'half', 'lighthouse', 100)).toBeNull();
  });
});
