import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileKind, ignoredIn, interpret } from './filter';
import type { WatchedRoot } from './types';

const ORCS_ID = '550e8400-e29b-41d4-a716-446655440000';
const YOI_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** Every temp or side file something writes beside sessions (formats.md, security.md §3.1). */
const NOT_SESSIONS = [
  `.${ORCS_ID}.json.tmp`, // ORCS's own save, and ours (orcs/atomic.ts)
  '.tmpAb3xYz', // our JSONL rewrites, as tempfile::NamedTempFile names them (jsonl/rewrite.ts)
  `${ORCS_ID}.json.sessionscope-4242-1760000000000.tmp`, // a cross-device restore (files.ts)
  `${ORCS_ID}.json.1234567890`, // write-file-atomic
  'slack_C1_u.jsonl.migrated', // ZeroClaw's migrate_from_jsonl
  'sessions.db-wal',
  'sessions.db-shm',
  'sessions.db-journal',
  '.DS_Store',
  'notes.txt',
];

describe('fileKind', () => {
  it('takes each format’s own session files', () => {
    expect(fileKind('orcs', `${ORCS_ID}.json`)).toEqual({ role: 'main', session: ORCS_ID });
    expect(fileKind('zeroclaw', 'telegram_42_alice.jsonl')).toEqual({
      role: 'main',
      session: 'telegram_42_alice',
    });
    expect(fileKind('zeroclaw', 'sessions.db')).toEqual({ role: 'shared', session: null });
    expect(fileKind('yoi', `${YOI_ID}.jsonl`)).toEqual({ role: 'main', session: YOI_ID });
    expect(fileKind('yoi', `${YOI_ID}.trace.jsonl`)).toEqual({ role: 'companion', session: YOI_ID });
  });

  it('leaves out other formats’ files and names the format would not list', () => {
    expect(fileKind('orcs', 'telegram_42_alice.jsonl')).toBeNull();
    expect(fileKind('orcs', 'sessions.db')).toBeNull();
    expect(fileKind('yoi', 'telegram_42_alice.jsonl')).toBeNull();
    expect(fileKind('yoi', 'not-a-uuid.trace.jsonl')).toBeNull();
    expect(fileKind('zeroclaw', `${ORCS_ID}.json`)).toBeNull();
    expect(fileKind('zeroclaw', 'a.b.jsonl')).toBeNull();
  });

  it('takes any format’s files in a root whose format is not known yet', () => {
    expect(fileKind(null, `${ORCS_ID}.json`)).toEqual({ role: 'main', session: ORCS_ID });
    expect(fileKind(null, 'sessions.db')).toEqual({ role: 'shared', session: null });
    expect(fileKind(null, `${YOI_ID}.trace.jsonl`)).toEqual({ role: 'companion', session: YOI_ID });
  });

  it.each(NOT_SESSIONS)('never takes %s', (name) => {
    for (const format of ['orcs', 'zeroclaw', 'yoi', null] as const)
      expect(fileKind(format, name)).toBeNull();
  });

  it('never takes a dot-file or a temp name, whatever follows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('orcs', 'zeroclaw', 'yoi', null),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.constantFrom('.', '.tmp'),
        (format, stem, prefix) => {
          expect(fileKind(format, `${prefix}${stem}`)).toBeNull();
          expect(fileKind(format, `${stem}.tmp`)).toBeNull();
        },
      ),
    );
  });
});

describe('interpret', () => {
  const zeroclaw: WatchedRoot = { id: 'z', path: '/data/sessions', format: 'zeroclaw' };

  it('reports a session file with its root-relative facts', () => {
    expect(interpret(zeroclaw, 'add', '/data/sessions/a_b.jsonl')).toEqual({
      path: '/data/sessions/a_b.jsonl',
      event: 'add',
      role: 'main',
      session: 'a_b',
    });
    expect(interpret(zeroclaw, 'unlink', '/data/sessions/sessions.db')).toEqual({
      path: '/data/sessions/sessions.db',
      event: 'unlink',
      role: 'shared',
      session: null,
    });
  });

  it('reports a WAL commit as a change of sessions.db, and the -wal file coming and going as nothing', () => {
    const db = { path: '/data/sessions/sessions.db', event: 'change', role: 'shared', session: null };
    expect(interpret(zeroclaw, 'change', '/data/sessions/sessions.db-wal')).toEqual(db);
    expect(interpret(zeroclaw, 'add', '/data/sessions/sessions.db-wal')).toBeNull();
    expect(interpret(zeroclaw, 'unlink', '/data/sessions/sessions.db-wal')).toBeNull();
    expect(interpret(zeroclaw, 'change', '/data/sessions/sessions.db-shm')).toBeNull();
    expect(interpret({ ...zeroclaw, format: 'orcs' }, 'change', '/data/sessions/sessions.db-wal')).toBeNull();
  });

  it('ignores files outside the root itself', () => {
    expect(interpret(zeroclaw, 'add', '/data/sessions/sub/a_b.jsonl')).toBeNull();
    expect(interpret(zeroclaw, 'add', '/data/a_b.jsonl')).toBeNull();
  });
});

describe('ignoredIn', () => {
  it('lets chokidar see the root and its session files only', () => {
    const dir = tmpdir();
    const ignored = ignoredIn({ id: 'o', path: dir, format: 'orcs' });
    const folder = statSync(dir);
    expect(ignored(dir, folder)).toBe(false);
    expect(ignored(join(dir, `${ORCS_ID}.json`))).toBe(false);
    expect(ignored(join(dir, `.${ORCS_ID}.json.tmp`))).toBe(true);
    expect(ignored(join(dir, `${ORCS_ID}.json`), folder)).toBe(true);
    expect(ignored(join(dir, 'x', `${ORCS_ID}.json`))).toBe(true);
    expect(ignored(join(dir, '..'))).toBe(true);

    const z = ignoredIn({ id: 'z', path: dir, format: 'zeroclaw' });
    expect(z(join(dir, 'sessions.db'))).toBe(false);
    expect(z(join(dir, 'sessions.db-wal'))).toBe(false);
    expect(z(join(dir, 'sessions.db-shm'))).toBe(true);
  });
});
