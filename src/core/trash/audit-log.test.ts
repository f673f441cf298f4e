import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, toAuditEntry } from './audit-log';

let dir: string;
let log: AuditLog;
const session = { root: { id: 'r1', path: '/s' }, id: 'one', format: 'orcs' as const, title: 'One' };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-audit-'));
  log = new AuditLog(join(dir, 'audit.jsonl'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('AuditLog', () => {
  it('folds begin and end lines, links an undo to what it reversed, and skips lines that do not parse', async () => {
    const write = await log.begin({
      operation: 'rename',
      sessions: [session],
      files: [{ file: '/s/one', sha256Before: 'a' }],
    });
    await log.end(write, {
      status: 'done',
      sessions: [session],
      files: [{ file: '/s/one', sha256Before: 'a', sha256After: 'b' }],
      undo: { kind: 'rename', previous: null, current: 'One' },
    });
    await appendFile(log.path, 'not json\n{"version":1,"phase":"end"}\n');
    const undo = await log.begin({ operation: 'undo', sessions: [session], files: [], undoes: write });
    await log.end(undo, { status: 'done', sessions: [session], files: [], undo: null });

    const [renamed, undone] = (await log.writes()).map(toAuditEntry);

    expect(renamed).toMatchObject({
      id: write,
      status: 'done',
      undoneBy: undo,
      undoable: false,
      files: [{ path: '/s/one', sha256Before: 'a', sha256After: 'b' }],
    });
    expect(undone).toMatchObject({ operation: 'undo', undoes: write, undoable: false });
  });

  it('keeps every line whole when many writers log at once', async () => {
    const other = new AuditLog(log.path);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 ? log : other).begin({ operation: 'append', sessions: [session], files: [] }),
      ),
    );
    const lines = (await readFile(log.path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(60);
    expect(lines.every((line) => (JSON.parse(line) as { phase: string }).phase === 'begin')).toBe(true);
    expect((await log.writes()).map(toAuditEntry).every((entry) => entry.status === 'interrupted')).toBe(
      true,
    );
  });

  it('answers an empty history when there is no log yet', async () => {
    expect(await log.writes()).toEqual([]);
  });
});
