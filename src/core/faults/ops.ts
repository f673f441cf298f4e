/**
 * The write operations the kill test injects faults into, shared by the test (which prepares
 * slots, runs each operation once uninterrupted to learn its end state, and checks what a kill
 * left) and the child (which runs them until it is killed). Each slot is a directory holding a
 * session root (`root/`, and `root2/` where an operation spans two formats) and the app-data
 * directory (`app/`) the Library keeps its trash, audit log and undo records in.
 */
import { createHash } from 'node:crypto';
import { access, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
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
import { parseJsonOrUndefined } from '../json';
import { rootId } from '../roots';
import { manifestSchema } from '../trash/manifest';
import type { TrashManifest } from '../trash/manifest';
import type { AuditOperation } from '../../shared/history';

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
  'trash.restore',
  'trash.purge',
  'sessions.delete',
  'undo.last:rename',
  'undo.last:delete',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The two moments of a ZeroClaw rewrite the store lets a test stop at. */
export type Phase = keyof RewriteHooks;

/**
 * A moment no hook marks: just after the `nth` call (from 1) of one node:fs/promises function
 * during the operation, e.g. between the link() and the unlink() of a move into the trash. The
 * child wraps the function to stop there; timed kills almost never land inside such a window.
 */
export interface Seam {
  after: 'mkdir' | 'link' | 'unlink' | 'rename' | 'rm';
  nth: number;
}

/**
 * Operations that move session files between their root and the trash, and how a kill part-way
 * through is made whole by what a person would do next: a delete is reversed by restoring every
 * trash item (back to the start), a restore or an undo of a delete by running it again (to the end).
 */
export const MOVING: ReadonlyMap<Operation, 'restoreAll' | 'again'> = new Map([
  ['zeroclaw.delete', 'restoreAll'],
  ['yoi.delete', 'restoreAll'],
  ['sessions.delete', 'restoreAll'],
  ['trash.restore', 'again'],
  ['undo.last:delete', 'again'],
] as const);

/**
 * The audit-log operation a slot's write is recorded as; null where the test drives a store
 * directly (its own clock and ids keep the end state known), so the Library logs nothing.
 */
export function auditedAs(operation: Operation, parked: boolean): AuditOperation | null {
  switch (operation) {
    case 'orcs.save':
    case 'orcs.rename':
    case 'yoi.forkAt':
    case 'yoi.compactIntoNew':
      return null;
    case 'zeroclaw.removeLast':
      return parked ? null : 'remove-last';
    case 'zeroclaw.compact':
      return parked ? null : 'compact';
    case 'zeroclaw.append':
      return 'append';
    case 'zeroclaw.setState':
      return 'set-state';
    case 'zeroclaw.rename':
    case 'yoi.rename':
      return 'rename';
    case 'zeroclaw.delete':
    case 'yoi.delete':
    case 'sessions.delete':
      return 'delete';
    case 'trash.restore':
      return 'restore';
    case 'trash.purge':
      return 'purge';
    case 'undo.last:rename':
    case 'undo.last:delete':
      return 'undo';
  }
}

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

export const rootOf = (slot: string): string => join(slot, 'root');
export const appOf = (slot: string): string => join(slot, 'app');
/** The session roots a slot may hold; only sessions.delete uses the second. */
const ROOT_NAMES = ['root', 'root2'];

async function rootsIn(slot: string): Promise<string[]> {
  const present = await Promise.all(ROOT_NAMES.map((name) => exists(join(slot, name))));
  return ROOT_NAMES.filter((_, i) => present[i]);
}

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

/**
 * Operations whose starting point is an earlier write through the Library. That write records
 * the slot's own absolute paths (and root ids, hashes of them) in the trash and the audit log, so
 * each slot is set up in place rather than copied from a template.
 */
export const SET_UP_IN_PLACE: ReadonlySet<Operation> = new Set([
  'trash.restore',
  'trash.purge',
  'undo.last:rename',
  'undo.last:delete',
]);

/** Makes `slot` hold what `operation` starts from. */
export async function prepare(operation: Operation, slot: string): Promise<void> {
  const root = rootOf(slot);
  await mkdir(appOf(slot), { recursive: true });
  const copyYoi = (to: string) =>
    cp(YOI_FIXTURES, to, { recursive: true, filter: (path) => !path.endsWith('.md') });
  if (operation.startsWith('orcs.')) await new LocalFileStore(root).save(orcsAsset(1000, 'Harbour lights'));
  else if (operation.startsWith('zeroclaw.')) await cp(ZEROCLAW_FIXTURES, root, { recursive: true });
  else await copyYoi(root);
  switch (operation) {
    case 'sessions.delete':
      await cp(ZEROCLAW_FIXTURES, join(slot, 'root2'), { recursive: true });
      return;
    case 'trash.restore':
    case 'trash.purge':
    case 'undo.last:delete':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['session.delete']({ ref: ref(YOI_ID) });
      });
    case 'undo.last:rename':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['session.rename']({ ref: ref(YOI_ID), title: 'Weather in Tokyo' });
      });
    default:
      return;
  }
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
    case 'trash.restore':
    case 'trash.purge':
      // As the app does it: the trash view lists the items, and the person picks the one.
      return withLibrary(slot, async (library) => {
        const trashIds = (await library.handlers['trash.list']({})).map((item) => item.trashId);
        const [trashId = ''] = trashIds;
        if (operation === 'trash.restore') await library.handlers['trash.restore']({ trashId });
        else await library.handlers['trash.purge']({ trashIds });
      });
    case 'sessions.delete':
      return withLibrary(slot, async (library, ref) => {
        await library.handlers['sessions.delete']({
          refs: [ref(YOI_ID), { root: rootId(resolve(slot, 'root2')), id: ZEROCLAW_ID }],
        });
      });
    case 'undo.last:rename':
    case 'undo.last:delete':
      return withLibrary(slot, async (library) => {
        await library.handlers['undo.last']({});
      });
  }
}

/**
 * What a person does after a kill cut a write short, which must make the slot whole: restore
 * every trash item, or run the restore (or undo) again.
 */
export async function recover(operation: Operation, slot: string): Promise<void> {
  await withLibrary(slot, async (library) => {
    const trashIds = (await library.handlers['trash.list']({})).map((item) => item.trashId);
    if (operation.startsWith('undo.last')) await library.handlers['undo.last']({});
    else await library.handlers['trash.restoreMany']({ trashIds });
  });
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
  const library = await openLibrary(slot);
  try {
    const root = rootId(resolve(rootOf(slot)));
    await use(library, (id) => ({ root, id }));
  } finally {
    await library.close();
  }
}

async function openLibrary(slot: string): Promise<Library> {
  return createLibrary({
    appDataDir: appOf(slot),
    env: { home: slot, vars: {} },
    roots: (await rootsIn(slot)).map((name) => join(slot, name)),
    resourcesDir: slot,
    host: 'cli',
    version: 'faults',
  });
}

/**
 * What a slot's sessions are, independent of where the slot is: every session file's SHA-256
 * keyed by root and name (stray temp files and SQLite's side files left out, as the app itself
 * ignores them), the list the Library shows, sessions.db's metadata rows after an integrity
 * check, names.json, and the trash (each item's record and the bytes it holds, without the
 * random ids and times). Reading the trash through the Library first finishes any purge a kill
 * cut short, and the audit log must list: both are checked to work after every kill.
 */
export interface Observed {
  files: Record<string, string>;
  list: string[];
  db: Record<string, { integrity: unknown; rows: unknown[] }>;
  names: string | null;
  trash: TrashView[];
}

interface TrashView {
  sessionId: string;
  state: string;
  /** Each file: where it came from (relative to the slot), its recorded hash, and the bytes held. */
  files: { original: string; recorded: string; held: string | null }[];
}

/** Temp files a killed write may leave: ORCS's `.<id>.json.tmp`, tempfile's `.tmpXXXXXX`, SQLite's side files. */
const isStray = (name: string): boolean =>
  name.startsWith('.') || name.endsWith('-wal') || name.endsWith('-shm') || name.endsWith('-journal');

export async function observe(slot: string): Promise<Observed> {
  const roots = await rootsIn(slot);
  const files: Record<string, string> = {};
  const db: Observed['db'] = {};
  for (const name of roots) {
    const root = join(slot, name);
    for (const file of (await readdir(root)).sort()) {
      if (isStray(file)) continue;
      if (file === 'sessions.db') db[name] = readDb(root);
      else files[`${name}/${file}`] = sha256(await readFile(join(root, file)));
    }
  }
  const library = await openLibrary(slot);
  let list: string[];
  try {
    await library.handlers['trash.list']({});
    await library.handlers['audit.list']({ limit: 1000 });
    list = (await library.handlers['sessions.list']({})).map(
      (s) =>
        `${s.ref.id} ${JSON.stringify(s.title)} turns=${s.turnCount} bytes=${s.sizeBytes} ` +
        `unreadable=${s.health.unreadableLines} damaged=${s.health.damaged ?? '-'} state=${s.state?.state ?? '-'}`,
    );
  } finally {
    await library.close();
  }
  list.sort();
  // names.json keys each name by its root's absolute path; the slot's own paths are taken out.
  const names = await readFile(join(appOf(slot), 'names.json'), 'utf8').then(
    (text) =>
      sha256(
        Buffer.from(
          roots.reduce(
            (out, name) => out.replaceAll(JSON.stringify(resolve(slot, name)), `"<${name}>"`),
            text,
          ),
        ),
      ),
    () => null,
  );
  return { files, list, db, names, trash: await trashView(slot) };
}

async function trashView(slot: string): Promise<TrashView[]> {
  const items: TrashView[] = [];
  for (const { dir, manifest } of await trashItems(slot)) {
    const files = [];
    for (const file of manifest.files) {
      const stored = join(dir, file.stored);
      files.push({
        original: relative(slot, file.original),
        recorded: file.sha256,
        held: (await exists(stored)) ? sha256(await readFile(stored)) : null,
      });
    }
    items.push({ sessionId: manifest.sessionId, state: manifest.state, files });
  }
  return items.sort((a, b) => a.sessionId.localeCompare(b.sessionId));
}

/** Every trash item with a readable record; the directory names starting with '.' are not items. */
export async function trashItems(slot: string): Promise<{ dir: string; manifest: TrashManifest }[]> {
  const trash = join(appOf(slot), 'trash');
  const names = (await exists(trash)) ? await readdir(trash) : [];
  const items = [];
  for (const name of names.filter((each) => !each.startsWith('.')).sort()) {
    const dir = join(trash, name);
    const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => null);
    const parsed = manifestSchema.safeParse(text === null ? undefined : parseJsonOrUndefined(text));
    if (parsed.success) items.push({ dir, manifest: parsed.data });
  }
  return items;
}

function readDb(root: string): { integrity: unknown; rows: unknown[] } {
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
  phase?: Phase | Seam;
}
