/**
 * How a search ranks once its words are common, and what bm25 still decides: db.test.ts covers
 * the rest of searching (grouping, filters, snippets, hostile queries).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../shared/search';
import { sampleSummary } from '../../shared/testkit';
import { IndexDb } from './db';
import type { DocInput } from './docs';
import type { DatabaseSync } from 'node:sqlite';
import { BM25_WORD_DOCS, IndexSearch, SCORED_MATCHES, SEARCH_WINDOW } from './search';

function doc(body: string, extra: Partial<DocInput> = {}): DocInput {
  return { turn: 0, kind: 'message', role: 'user', tool: null, time: null, failed: false, body, ...extra };
}

function put(db: IndexDb, session: string, docs: DocInput[]): void {
  db.putSession(sampleSummary('r', session), 0);
  db.replaceDocs('r', session, null, docs);
}

function sessionsOf(response: SearchResponse): string[] {
  return response.groups.map((group) => group.session.ref.id);
}

const search = (db: IndexDb, query: string, limit = 50): SearchResponse =>
  db.search({ query, filters: {}, limit });

describe('IndexSearch ranking', () => {
  let db: IndexDb;
  beforeEach(() => {
    db = IndexDb.open(':memory:');
  });
  afterEach(() => db.close());

  describe('beside a word too common for bm25', () => {
    beforeEach(() => {
      // Both chats say "rarity" once; bm25 prefers the shorter, older one.
      put(db, 'older-chat', [doc('common rarity', { time: '2024-01-01T00:00:00.000Z' })]);
      put(db, 'newer-chat', [
        doc(`common rarity ${'filler '.repeat(50)}`, { time: '2025-01-01T00:00:00.000Z' }),
      ]);
      const tool = (time: string) => (_: unknown, turn: number) =>
        doc(`common output ${turn}`, { turn, kind: 'tool', role: 'tool', time });
      put(db, 'newer-tools', Array.from({ length: 100 }, tool('2025-06-01T00:00:00.000Z')));
      put(db, 'older-tools', Array.from({ length: BM25_WORD_DOCS }, tool('2020-01-01T00:00:00.000Z')));
    });

    it('ranks a rare word by bm25, however old the best match', () => {
      expect(sessionsOf(search(db, 'rarity'))).toEqual(['older-chat', 'newer-chat']);
    });

    it('ranks a common word by kind, then newest first', () => {
      expect(sessionsOf(search(db, 'common'))).toEqual([
        'newer-chat',
        'older-chat',
        'newer-tools',
        'older-tools',
      ]);
    });

    it('ranks rare matches of a common word the same way', () => {
      expect(sessionsOf(search(db, 'common rarity'))).toEqual(['newer-chat', 'older-chat']);
      expect(sessionsOf(search(db, 'rarity -common'))).toEqual([]);
    });

    it('ranks a prefix by kind, then newest first', () => {
      expect(sessionsOf(search(db, 'rar*'))).toEqual(['newer-chat', 'older-chat']);
    });
  });

  it('reads further down the ranking until it has the groups asked for', () => {
    const crowd = SCORED_MATCHES - 100;
    put(
      db,
      'crowd',
      Array.from({ length: crowd }, (_, turn) =>
        doc(`common ${turn}`, { turn, time: '2025-06-01T00:00:00.000Z' }),
      ),
    );
    const few = Array.from({ length: 60 }, (_, i) => `few-${String(i).padStart(2, '0')}`);
    for (const [i, session] of few.entries()) {
      put(db, session, [
        doc(`common ${session}`, { time: `2025-01-01T00:00:${String(i).padStart(2, '0')}.000Z` }),
      ]);
    }
    put(
      db,
      'old',
      Array.from({ length: 200 }, (_, turn) =>
        doc(`common ${turn}`, { turn, time: '2020-01-01T00:00:00.000Z' }),
      ),
    );
    expect(crowd).toBeGreaterThan(SEARCH_WINDOW);

    const response = search(db, 'common');
    expect(sessionsOf(response)).toEqual(['crowd', ...few.reverse().slice(0, 49)]);
    expect(response.groups[0]?.hitCount).toBe(crowd);
    expect(response.groups[0]?.hits.map((hit) => hit.turn)).toEqual([crowd - 1, crowd - 2, crowd - 3]);
    expect(sessionsOf(search(db, 'common', 3))).toEqual(['crowd', 'few-59', 'few-58']);
  });

  it('fills the page past sessions whose row is missing', () => {
    put(db, 'shown', [doc('harbour', { time: '2024-01-01T00:00:00.000Z' })]);
    db.replaceDocs('r', 'ghost', null, [doc('harbour', { time: '2025-01-01T00:00:00.000Z' })]);
    expect(sessionsOf(search(db, 'harbour', 1))).toEqual(['shown']);
  });
});

describe('a search that runs out of time', () => {
  it('stops reading older matches, says from which day it searched, and shows what it found', () => {
    const db = IndexDb.open(':memory:');
    try {
      put(db, 'old', [
        doc('common word in an old tool call', {
          kind: 'tool',
          role: 'tool',
          tool: 'rare-tool',
          time: '2021-03-04T00:00:00.000Z',
        }),
      ]);
      put(
        db,
        'new',
        Array.from({ length: 2 * SCORED_MATCHES }, (_, turn) =>
          doc(`common ${turn}`, { turn, time: '2025-06-01T00:00:00.000Z' }),
        ),
      );
      const request = { query: 'common', filters: { tool: 'rare-tool' }, limit: 50 };
      // No time at all: the first chunk of matches is read, and the search stops there.
      const hurried = new IndexSearch((db as unknown as { db: DatabaseSync }).db, 0).search(request);
      expect(hurried.groups).toEqual([]);
      expect(hurried.searchedFrom).toBe('2025-06-01');
      // With time, it reads back to the old match, and says nothing of a limit.
      const patient = db.search(request);
      expect(sessionsOf(patient)).toEqual(['old']);
      expect(patient.searchedFrom).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
