import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditSession } from '../../../shared/history';
import { operationWords, sessionTitles, shortHash } from './entryWords';

function session(title: string): AuditSession {
  return { ref: { root: 'r1', id: title.toLowerCase() }, format: 'orcs', title };
}

function entry(change: Partial<AuditEntry>): AuditEntry {
  return {
    id: 'e1',
    at: '2026-11-23T05:00:00.000Z',
    operation: 'rename',
    sessions: [],
    files: [],
    status: 'done',
    error: null,
    detail: null,
    undoes: null,
    undoneBy: null,
    undoable: true,
    ...change,
  };
}

describe('operationWords', () => {
  it('says what a write did', () => {
    expect(operationWords(entry({ operation: 'delete' }), new Map())).toBe('Moved to the trash');
    expect(operationWords(entry({ operation: 'remove-last' }), new Map())).toBe('Removed the last message');
  });

  it('names the write an undo reversed when it is known', () => {
    const rename = entry({ id: 'e1', operation: 'rename' });
    const undo = entry({ id: 'e2', operation: 'undo', undoes: 'e1' });
    expect(operationWords(undo, new Map([['e1', rename]]))).toBe('Undid a rename of');
    expect(operationWords(undo, new Map())).toBe('Undid a change to');
  });
});

describe('sessionTitles', () => {
  it('quotes one, two and three titles in a sentence', () => {
    expect(sessionTitles([])).toBe('');
    expect(sessionTitles([session('Plan')])).toBe('“Plan”');
    expect(sessionTitles([session('A'), session('B')])).toBe('“A” and “B”');
    expect(sessionTitles([session('A'), session('B'), session('C')])).toBe('“A”, “B” and “C”');
  });

  it('counts the rest of a long list', () => {
    const many = ['A', 'B', 'C', 'D', 'E'].map(session);
    expect(sessionTitles(many)).toBe('“A”, “B”, “C” and 2 more');
  });
});

describe('shortHash', () => {
  it('keeps the first ten hex digits, and says none for a file not there', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789');
    expect(shortHash(null)).toBe('none');
  });
});
