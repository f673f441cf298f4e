import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IndexDb } from './db';
import { tempDir } from './testkit';

let dir: string;
let db: IndexDb;
beforeEach(async () => {
  dir = await tempDir();
  db = IndexDb.open(join(dir, 'index.sqlite'));
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

// Windows file ids pass 2^53 and need the REAL columns; this one is exact as a double.
const facts = { dev: 2049, ino: 2 ** 60, size: 5000, mtimeMs: 1_700_000_000_123.5 };
const blob = Uint8Array.from([1, 2, 3, 250]);

it('answers the stored bytes for the same file, also once it grew, and a put replaces them', () => {
  db.lines.put('/s/a.jsonl', facts, blob);
  expect(db.lines.get('/s/a.jsonl', facts)).toEqual(blob);
  const grown = { ...facts, size: 9000, mtimeMs: facts.mtimeMs + 5 };
  expect(db.lines.get('/s/a.jsonl', grown)).toEqual(blob);
  db.lines.put('/s/a.jsonl', grown, Uint8Array.from([7]));
  expect(db.lines.get('/s/a.jsonl', grown)).toEqual(Uint8Array.from([7]));
  expect(db.lines.get('/s/other.jsonl', facts)).toBeNull();
});

it('deletes a row that cannot describe the file: another inode or device, or a shrunk file', () => {
  for (const stale of [
    { ...facts, ino: facts.ino + 4096 },
    { ...facts, dev: 7 },
    { ...facts, size: facts.size - 1 },
  ]) {
    db.lines.put('/s/a.jsonl', facts, blob);
    expect(db.lines.get('/s/a.jsonl', stale)).toBeNull();
    // Gone, not just hidden: the original facts no longer find it either.
    expect(db.lines.get('/s/a.jsonl', facts)).toBeNull();
  }
});

it('removes one row, and prunes the rows of files the index no longer tracks', () => {
  db.lines.put('/s/a.jsonl', facts, blob);
  db.lines.remove('/s/a.jsonl');
  expect(db.lines.get('/s/a.jsonl', facts)).toBeNull();

  for (const name of ['kept', 'gone']) db.lines.put(`/s/${name}.jsonl`, facts, blob);
  db.putFile({
    ...facts,
    path: '/s/kept.jsonl',
    root: 'r',
    session: 'kept',
    indexedBytes: facts.size,
    indexedTurns: 3,
    fingerprint: null,
    state: 'indexed',
    error: null,
  });
  expect(db.lines.prune()).toBe(1);
  expect(db.lines.get('/s/kept.jsonl', facts)).toEqual(blob);
  expect(db.lines.get('/s/gone.jsonl', facts)).toBeNull();
});
