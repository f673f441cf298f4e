/** Test material for the index: roots of every format in a temporary directory, and a look inside the database. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormatId } from '../../shared/model';
import { serializeAsset } from '../formats/orcs/serialize';
import { newAsset, userTurn } from '../formats/orcs/testkit';
import { vectorLines, writeLog, SOURCE_ID } from '../formats/yoi/testkit';
import { line } from '../formats/zeroclaw/testkit';
import { IndexService } from './service';
import type { IndexedRoot } from './root';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sessionscope-index-'));
}

export function rootOf(id: string, path: string, format: FormatId): IndexedRoot {
  return { id, path, format };
}

/** One root of each format: two ORCS sessions (one with a learned fact), two ZeroClaw logs, the yoi test vector. */
export async function threeRoots(dir: string): Promise<IndexedRoot[]> {
  const orcs = join(dir, 'orcs');
  const zeroclaw = join(dir, 'zeroclaw');
  const yoi = join(dir, 'yoi');
  await Promise.all([mkdir(orcs), mkdir(zeroclaw), mkdir(yoi)]);
  const first = newAsset('orcs-one');
  first.project_context.name = 'Harbour lights';
  first.history.turns.push(userTurn('t1', 'Please enable contextIsolation in src/main/index.ts'));
  first.project_context.learned_facts.push({
    key: 'database',
    value: 'the project stores invoices in PostgreSQL',
    source: 'user',
    confidence: 0.5,
    learned_at_ms: 1767225600000n,
  });
  const second = newAsset('orcs-two', 1767312000000n);
  second.history.turns.push(userTurn('t1', '東京都庁の天気を教えて'));
  await writeFile(join(orcs, 'orcs-one.json'), serializeAsset(first));
  await writeFile(join(orcs, 'orcs-two.json'), serializeAsset(second));
  await writeZeroclaw(zeroclaw, 'alpha', [
    ['user', 'how do I rotate the signing keys'],
    ['assistant', 'rotate them with the keyring tool'],
  ]);
  await writeZeroclaw(zeroclaw, 'beta', [['user', 'lighthouse maintenance schedule']]);
  await writeLog(yoi, SOURCE_ID, vectorLines);
  return [
    rootOf('orcsroot', orcs, 'orcs'),
    rootOf('zcroot', zeroclaw, 'zeroclaw'),
    rootOf('yoiroot', yoi, 'yoi'),
  ];
}

export async function writeZeroclaw(dir: string, id: string, messages: [string, string][]): Promise<string> {
  const path = join(dir, `${id}.jsonl`);
  await writeFile(path, messages.map(([role, content]) => line(role, content)).join(''));
  return path;
}

export interface DocRow {
  id: number;
  root: string;
  session: string;
  turn: number | null;
  kind: string;
  body: string;
}

/** The documents as stored, read through a second connection as another process would. */
export function docRows(dbPath: string): DocRow[] {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return db
      .prepare(
        'SELECT id, root, session, turn, kind, body FROM doc_rows ORDER BY root, session, turn, kind, body',
      )
      .all() as unknown as DocRow[];
  } finally {
    db.close();
  }
}

/** What the index says, without row ids: two indexes of the same files must agree on this. */
export function contentOf(dbPath: string): string[] {
  return docRows(dbPath).map((row) => JSON.stringify([row.root, row.session, row.turn, row.kind, row.body]));
}

/** Runs a full index of `roots` into `dbPath` and closes it: a launch that catches up, or a fresh index to compare with. */
export async function indexOnce(dbPath: string, roots: IndexedRoot[]): Promise<void> {
  const service = IndexService.open({ dbPath });
  service.setRoots(roots);
  await service.sync();
  await service.close();
}
