/**
 * The write operations the kill test injects faults into, shared by the test (which prepares
 * slots, runs each operation once uninterrupted to learn its end state, and checks what a kill
 * left) and the child (which runs them until it is killed). Each slot is a directory holding a
 * session root (`root/`) and the app-data directory (`app/`) the Library keeps its trash and
 * undo records in.
 */
import { createHash } from 'node:crypto';
import { access, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { LocalFileStore } from '../formats/orcs';
import type { SessionAsset } from '../formats/orcs';
import { newAsset, userTurn } from '../formats/orcs/testkit';
import { YoiFormatStore } from '../formats/yoi';
import { ZeroclawSessionStore } from '../formats/zeroclaw';
import type { RewriteHooks } from '../jsonl';
import { FIXTURES as ZEROCLAW_FIXTURES } from '../formats/zeroclaw/testkit';
import { createLibrary } from '../library';
import type { Library } from '../library';
import { rootId } from '../roots';

export const OPERATIONS = [
  'orcs.save',
  'orcs.rename',
  'zeroclaw.append',
  'zeroclaw.removeLast',
  'zeroclaw.compact',
  'zeroclaw.setState',
  'zeroclaw.rename',
  'zeroclaw.delete',
  'yoi.forkAt',
  'yoi.compactIntoNew',
  'yoi.rename',
  'yoi.delete',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The two moments of a ZeroClaw rewrite the store lets a test stop at. */
export type Phase = keyof RewriteHooks;

/** Operations that move files to the trash: their end states are checked file by file. */
export const TRASHING: ReadonlySet<Operation> = new Set(['zeroclaw.delete', 'yoi.delete']);

const YOI_FIXTURES = fileURLToPath(new URL('../../../fixtures/yoi', import.meta.url));
const ORCS_ID = '6f1c2d3e-4a5b-4c6d-8e7f-000000000001';
const ZEROCLAW_ID = 'telegram_12345_alice';
const ZEROCLAW_CORRUPT_ID = 'cli_corrupt';
const YOI_ID = '0196a1b2-0000-7000-8000-000000000001';
/** Fixed clocks and ids, so the same operation makes the same bytes in every slot. */
const FIXED_NOW = 1_767_300_000_000;
const FORK_ID = '019b7a1c-0000-7000-8000-0000000000f1';
const COMPACT_ID = '019b7a1c-0000-7000-8000-0000000000c1';
/** Large enough that one record spans several pages, where a killed write() could stop short. */
const APPENDED = `${'appended after the kill test started; '.repeat(1600)}end`;

/** The files a delete moves, main file first. */
export function sessionFilesOf(operation: Operation): string[] {
  if (operation === 'yoi.delete') return [`${YOI_ID}.jsonl`, `${YOI_ID}.trace.jsonl`];
  if (operation === 'zeroclaw.delete') return [`${ZEROCLAW_ID}.jsonl`];
  return [];
}

export const rootOf = (slot: string): string => join(slot, 'root');
export const appOf = (slot: string): string => join(slot, 'app');

/** A long ORCS session (about 400 KB), big enough that a kill can land inside its write. */
function orcsAsset(turns: number, name: string | null): SessionAsset {
  const asset = newAsset(ORCS_ID);
  asset.project_context.name = name;
  asset.project_context.root_path = '/home/dev/lighthouse';
  asset.history.turns = Array.from({ length: turns }, (_, n) =>
    userTurn(`turn-${n}`, `turn ${n}: the keeper logs the harbour lights, ${'and the tide '.repeat(20)}`),
  );
  return asset;
}

/** Makes `slot` hold what `operation` starts from. */
export async function prepare(operation: Operation, slot: string): Promise<void> {
  const root = rootOf(slot);
  await mkdir(appOf(slot), { recursive: true });
  const format = operation.split('.')[0];
  if (format === 'orcs') await new LocalFileStore(root).save(orcsAsset(1000, 'Harbour lights'));
  else if (format === 'zeroclaw') await cp(ZEROCLAW_FIXTURES, root, { recursive: true });
  else await cp(YOI_FIXTURES, root, { recursive: true, filter: (path) => !path.endsWith('.md') });
}

/** Runs `operation` on `slot` the way the app does; `phase` (ZeroClaw rewrites only) parks there. */
export async function run(
  operation: Operation,
  slot: string,
  park?: { phase: Phase; reached: () => Promise<never> },
): Promise<void> {
  const root = rootOf(slot);
  switch (operation) {
    case 'orcs.save':
      return new LocalFileStore(root).save(orcsAsset(1040, 'Harbour lights, extended'));
    case 'orcs.rename':
      // The store directly: the Library's clock is the real one, and the end state must be known.
      await new LocalFileStore(root, { now: () => FIXED_NOW }).rename(ORCS_ID, 'Lighthouse keepers');
      return;
    case 'zeroclaw.removeLast':
    case 'zeroclaw.compact':
      if (park) {
        const store = new ZeroclawSessionStore(root, { rewriteHooks: { [park.phase]: park.reached } });
        await (operation === 'zeroclaw.compact'
          ? store.compact(ZEROCLAW_CORRUPT_ID)
          : store.removeLast(ZEROCLAW_ID));
        return;
      }
      return withLibrary(slot, async (library, ref) => {
        if (operation === 'zeroclaw.compact')
          await library.handlers['session.compact']({ ref: ref(ZEROCLAW_CORRUPT_ID) });
        else await library.handlers['session.removeLast']({ ref: ref(ZEROCLAW_ID) });
      });
    case 'zeroclaw.append':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['session.append']({
          ref: ref(ZEROCLAW_ID),
          message: { role: 'user', content: APPENDED },
        });
      });
    case 'zeroclaw.setState':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['session.setState']({
          ref: ref(ZEROCLAW_ID),
          state: 'error',
          turnId: 'turn-9',
        });
      });
    case 'zeroclaw.rename':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['session.rename']({ ref: ref(ZEROCLAW_ID), title: 'Porto instead' });
      });
    case 'yoi.rename':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['session.rename']({ ref: ref(YOI_ID), title: 'Weather in Tokyo' });
      });
    case 'zeroclaw.delete':
    case 'yoi.delete':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['session.delete']({
          ref: ref(operation === 'yoi.delete' ? YOI_ID : ZEROCLAW_ID),
        });
      });
    case 'yoi.forkAt': {
      // The store directly, for the same reason as orcs.rename: new ids and times are the clock's.
      const store = yoiStore(root, FORK_ID);
      await store.forkAt(YOI_ID, await yoiHashAt(root, 3));
      return;
    }
    case 'yoi.compactIntoNew':
      await yoiStore(root, COMPACT_ID).compactIntoNew(YOI_ID, 'Asked for the weather in Tokyo: sunny, 25C.');
      return;
  }
}

function yoiStore(root: string, newId: string): YoiFormatStore {
  return new YoiFormatStore({ id: rootId(root), path: root }, { now: () => FIXED_NOW, newId: () => newId });
}

async function yoiHashAt(root: string, line: number): Promise<string> {
  const text = await readFile(join(root, `${YOI_ID}.jsonl`), 'utf8');
  const entry = JSON.parse(text.split('\n')[line - 1] ?? '') as { hash: string };
  return entry.hash;
}

async function withLibrary(
  slot: string,
  use: (library: Library, ref: (id: string) => { root: string; id: string }) => Promise<void>,
): Promise<void> {
  const library = openLibrary(slot);
  try {
    const root = rootId(resolve(rootOf(slot)));
    await use(library, (id) => ({ root, id }));
  } finally {
    await library.close();
  }
}

function openLibrary(slot: string): Library {
  return createLibrary({
    appDataDir: appOf(slot),
    env: { home: slot, vars: {} },
    roots: [rootOf(slot)],
    resourcesDir: slot,
    host: 'cli',
    version: 'faults',
  });
}

/**
 * What a slot's sessions are, independent of where the slot is: every session file's SHA-256
 * (stray temp files and SQLite's side files left out, as the app itself ignores them), the list
 * the Library shows, sessions.db's metadata rows after an integrity check, and names.json.
 */
export interface Observed {
  files: Record<string, string>;
  list: string[];
  db: { integrity: unknown; rows: unknown[] } | null;
  names: string | null;
}

/** Temp files a killed write may leave: ORCS's `.<id>.json.tmp`, tempfile's `.tmpXXXXXX`, SQLite's side files. */
const isStray = (name: string): boolean =>
  name.startsWith('.') || name.endsWith('-wal') || name.endsWith('-shm') || name.endsWith('-journal');

export async function observe(slot: string): Promise<Observed> {
  const root = rootOf(slot);
  const files: Record<string, string> = {};
  for (const name of (await readdir(root)).sort()) {
    if (isStray(name) || name === 'sessions.db') continue;
    files[name] = sha256(await readFile(join(root, name)));
  }
  const library = openLibrary(slot);
  let list: string[];
  try {
    list = (await library.handlers['sessions.list']({})).map(
      (s) =>
        `${s.ref.id} ${JSON.stringify(s.title)} turns=${s.turnCount} bytes=${s.sizeBytes} ` +
        `unreadable=${s.health.unreadableLines} damaged=${s.health.damaged ?? '-'} state=${s.state?.state ?? '-'}`,
    );
  } finally {
    await library.close();
  }
  list.sort();
  // names.json keys each name by its root's absolute path; the slot's own path is taken out.
  const names = await readFile(join(appOf(slot), 'names.json'), 'utf8').then(
    (text) => sha256(Buffer.from(text.replaceAll(JSON.stringify(resolve(root)), '"<root>"'))),
    () => null,
  );
  return { files, list, db: (await exists(join(root, 'sessions.db'))) ? readDb(root) : null, names };
}

function readDb(root: string): Observed['db'] {
  const db = new DatabaseSync(join(root, 'sessions.db'));
  try {
    return {
      integrity: db.prepare('PRAGMA integrity_check').get(),
      rows: db.prepare('SELECT * FROM session_metadata ORDER BY session_key').all(),
    };
  } finally {
    db.close();
  }
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Writes the slot list the child reads. */
export async function writePlan(path: string, slots: PlannedSlot[]): Promise<void> {
  await writeFile(path, JSON.stringify(slots));
}

export interface PlannedSlot {
  dir: string;
  operation: Operation;
  /** Where the child stops and says so, for the parent to kill it there. */
  phase?: Phase;
}
