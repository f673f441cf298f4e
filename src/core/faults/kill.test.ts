/**
 * Kill -9 fault injection over every write the app makes (security.md §3, §4 "process-kill
 * harness"): a child process runs the writes one after another on slots prepared alike, and is
 * killed with SIGKILL at varied moments, then started again from the next slot. Every slot must
 * end as it began or as the same write leaves it when nothing interrupts it, never anything in
 * between; a write that moves files between a root and the trash may stop between the two, as
 * long as every file is in exactly one place (or in both with the same bytes) and what a person
 * does next (restore, or run the restore again) makes the slot whole. After every kill the audit
 * log reads line by line but for a torn last line, names every write that changed a file, and a
 * new Library can still list the trash, the log and the sessions.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOrUndefined } from '../json';
import { auditRecordSchema } from '../trash/audit-record';
import type { BeginRecord } from '../trash/audit-record';
import { manifestSchema } from '../trash/manifest';
import {
  appOf,
  auditedAs,
  MOVING,
  observe,
  OPERATIONS,
  prepare,
  recover,
  run,
  SET_UP_IN_PLACE,
  sha256,
  writePlan,
} from './ops';
import type { Observed, Operation, Phase, PlannedSlot, Seam } from './ops';

const execFileAsync = promisify(execFile);
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));
/** Slots per operation, and how many of them are chosen to be killed in. */
const SLOTS_PER_OPERATION = 12;
const KILLS_PER_OPERATION = 3;
/**
 * Where each kill slot of an operation is killed, as fractions of the operation's uninterrupted
 * duration in this process: on reading that it started (so at least one kill lands inside every
 * operation), part-way, and late; a child runs colder and slower, and a late kill lands in the
 * slots after, which are checked the same way.
 */
const KILL_FRACTIONS = [0, 0.5, 1.5];
/** Children loaded and waiting, so a kill is followed by work rather than by a start-up. */
const STANDBY_CHILDREN = 2;
/**
 * Exact places to kill at, used before the timed ones (which almost never land inside these
 * windows): ZeroClaw rewrites stop at the store's own hooks; a delete stops once its trash item's
 * directory exists, between a file's link() and its unlink(), or between one session and the
 * next; a restore between link() and unlink(), or between one file and the next; an undo once
 * its restore is complete but not yet logged; a purge once its item is renamed out of the list,
 * and after its first file is gone.
 */
const PHASED: Partial<Record<Operation, (Phase | Seam)[]>> = {
  'zeroclaw.removeLast': ['beforeRename', 'afterRename'],
  'zeroclaw.compact': ['beforeRename', 'afterRename'],
  // The second mkdir is the trash item's own (the audit log's directory is the first).
  'zeroclaw.delete': [
    { after: 'mkdir', nth: 2 },
    { after: 'link', nth: 1 },
  ],
  'yoi.delete': [
    { after: 'link', nth: 1 },
    { after: 'unlink', nth: 1 },
  ],
  'sessions.delete': [
    { after: 'unlink', nth: 2 },
    { after: 'link', nth: 3 },
  ],
  'trash.restore': [
    { after: 'link', nth: 1 },
    { after: 'unlink', nth: 1 },
  ],
  'trash.purge': [
    { after: 'rename', nth: 1 },
    { after: 'rm', nth: 1 },
  ],
  // The first rm() is the restore's last step: the session is back, the undo's end line not yet written.
  'undo.last:delete': [
    { after: 'unlink', nth: 1 },
    { after: 'rm', nth: 1 },
  ],
};

interface Plan extends PlannedSlot {
  /** Milliseconds after the slot starts to kill the child, or null when this slot is not a kill slot. */
  killAfterMs: number | null;
}

interface Outcome {
  started: boolean;
  done: boolean;
}

let dir: string;
/** The child and the app code it runs, bundled once: a child then starts in a third of the time tsx takes. */
let childBundle: string;
let plans: Plan[];
const reference = new Map<Operation, { before: Observed; after: Observed; setUpBegins: number }>();
let outcomes: Outcome[];
let kills = 0;

/** A directory name for an operation's slot (no ':' in paths, for Windows runs). */
const slotName = (operation: Operation): string => operation.replace(':', '-');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-faults-'));
  childBundle = join(dir, 'child.mjs');
  // Packages stay outside the bundle and resolve through this link, as from the project.
  await symlink(NODE_MODULES, join(dir, 'node_modules'), 'junction');
  await build({
    entryPoints: [CHILD],
    outfile: childBundle,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  });
  const templateOf = (operation: Operation): string => join(dir, 'templates', slotName(operation));
  const doneOf = (operation: Operation): string => join(dir, 'after', slotName(operation));
  // Set up side by side, then timed one at a time: the durations place the timed kills.
  await Promise.all(
    OPERATIONS.map(async (operation) => {
      await prepare(operation, templateOf(operation));
      if (SET_UP_IN_PLACE.has(operation)) await prepare(operation, doneOf(operation));
      else await cp(templateOf(operation), doneOf(operation), { recursive: true });
    }),
  );
  const durations = new Map<Operation, number>();
  for (const operation of OPERATIONS) {
    const began = performance.now();
    await run(operation, doneOf(operation));
    durations.set(operation, performance.now() - began);
  }
  await Promise.all(
    OPERATIONS.map(async (operation) => {
      const audited = auditedAs(operation, false);
      const template = templateOf(operation);
      reference.set(operation, {
        before: await observe(template),
        after: await observe(doneOf(operation)),
        setUpBegins: audited ? (await auditRecords(template, 'template')).begins(audited).length : 0,
      });
    }),
  );
  plans = [];
  for (let n = 0; n < SLOTS_PER_OPERATION; n++) {
    for (const operation of OPERATIONS) {
      const slot = join(dir, 'slots', `${String(plans.length).padStart(3, '0')}-${slotName(operation)}`);
      plans.push({ dir: slot, operation, ...killPoint(operation, n, durations.get(operation) ?? 0) });
    }
  }
  await Promise.all(
    plans.map((plan) =>
      SET_UP_IN_PLACE.has(plan.operation)
        ? prepare(plan.operation, plan.dir)
        : cp(templateOf(plan.operation), plan.dir, { recursive: true }),
    ),
  );
  const planPath = join(dir, 'plan.json');
  await writePlan(planPath, plans);
  ({ outcomes, kills } = await runKilling(planPath, plans));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The n-th slot of an operation is a kill slot for evenly spread n. The delay only picks where
 * the kill lands (spread over the operation's own duration); nothing waits on it for correctness.
 */
function killPoint(operation: Operation, n: number, durationMs: number): Pick<Plan, 'phase' | 'killAfterMs'> {
  const every = Math.floor(SLOTS_PER_OPERATION / KILLS_PER_OPERATION);
  if (n % every !== every - 1) return { killAfterMs: null };
  const k = Math.floor(n / every);
  const phases = PHASED[operation] ?? [];
  const phase = phases[k];
  if (phase) return { phase, killAfterMs: null };
  const fraction = KILL_FRACTIONS[k % KILL_FRACTIONS.length] ?? 0;
  return { killAfterMs: Math.round(durationMs * fraction * 10) / 10 };
}

/**
 * Runs the plan in children, killing each at its slot's kill point and starting the next from
 * the slot after the last one begun. The next children are started while the current one works,
 * so their start-up (loading the app's modules, most of a child's cost) overlaps the work.
 */
async function runKilling(planPath: string, slots: Plan[]): Promise<{ outcomes: Outcome[]; kills: number }> {
  const outcomes: Outcome[] = slots.map(() => ({ started: false, done: false }));
  let killed = 0;
  let next = 0;
  const standby = Array.from({ length: STANDBY_CHILDREN }, () => startChild(planPath));
  try {
    while (next < slots.length) {
      const child = standby.shift() ?? startChild(planPath);
      standby.push(startChild(planPath));
      await child.ready;
      let last = next - 1;
      const ended = new Promise<boolean>((resolve, reject) => {
        child.proc.on('close', (code, signal) => {
          if (signal === 'SIGKILL') resolve(true);
          else if (signal === null && code === 0) resolve(false);
          else reject(new Error(`the child stopped with ${signal ?? String(code)}`));
        });
      });
      const kill = (): void => {
        child.proc.kill('SIGKILL');
      };
      let timed: NodeJS.Timeout | undefined;
      child.onLine((line) => {
        const [what, at] = line.split(' ');
        const i = Number(at);
        const outcome = outcomes[i];
        if (!outcome) return;
        if (what === 'start') {
          outcome.started = true;
          last = i;
          // A late timed kill must not cut short a slot meant to stop at its own place.
          if (slots[i]?.phase) clearTimeout(timed);
          const after = slots[i]?.killAfterMs;
          if (after === 0) kill();
          else if (after != null) timed = setTimeout(kill, after);
        } else if (what === 'done') outcome.done = true;
        else if (what === 'phase') kill();
      });
      child.proc.stdin?.end(`${next}\n`);
      if (await ended) killed++;
      next = last + 1;
    }
  } finally {
    // Standbys never used, or left behind by a failed run, are stopped here.
    for (const unused of standby) unused.proc.kill('SIGKILL');
  }
  return { outcomes, kills: killed };
}

function startChild(
  planPath: string,
  stderr: 'inherit' | 'pipe' = 'inherit',
): {
  proc: ChildProcess;
  ready: Promise<void>;
  onLine: (listener: (line: string) => void) => void;
} {
  const proc = spawn(process.execPath, [childBundle, planPath], {
    stdio: ['pipe', 'pipe', stderr],
  });
  let listener: (line: string) => void = () => undefined;
  let buffer = '';
  const ready = new Promise<void>((resolve, reject) => {
    proc.once('exit', (code, signal) =>
      reject(new Error(`the child exited early: ${signal ?? String(code)}`)),
    );
    proc.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') resolve();
        else listener(line);
      }
    });
  });
  // A standby killed at the end never becomes ready; that rejection is expected.
  ready.catch(() => undefined);
  return { proc, ready, onLine: (l) => (listener = l) };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Every undo record the Library kept is whole: write-file-atomic renames complete records only. */
async function undoRecordsWhole(slot: string): Promise<number> {
  const undo = join(appOf(slot), 'undo');
  if (!(await exists(undo))) return 0;
  const records = (await readdir(undo)).filter((name) => name.endsWith('.json'));
  for (const name of records) {
    const record = JSON.parse(await readFile(join(undo, name), 'utf8')) as { version: number };
    expect(record.version).toBe(1);
  }
  return records.length;
}

/**
 * audit.jsonl, line by line: every line is a whole record but the last, which a kill may have
 * torn (one write() per line, and no newline until the line is whole).
 */
async function auditRecords(
  slot: string,
  label: string,
): Promise<{ begins: (operation: string) => BeginRecord[]; ended: (id: string) => string | null }> {
  const text = await readFile(join(appOf(slot), 'audit.jsonl'), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    },
  );
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const records = lines.map((line, n) => {
    const parsed = auditRecordSchema.safeParse(parseJsonOrUndefined(line));
    expect(parsed.success, `${label}: audit.jsonl line ${n + 1} is not a record: ${line.slice(0, 80)}`).toBe(
      true,
    );
    return parsed.data;
  });
  const tail = auditRecordSchema.safeParse(parseJsonOrUndefined(last));
  if (tail.success) records.push(tail.data);
  return {
    begins: (operation) =>
      records.flatMap((record) =>
        record?.phase === 'begin' && record.operation === operation ? [record] : [],
      ),
    ended: (id) => {
      const end = records.find((record) => record?.phase === 'end' && record.id === id);
      return end?.phase === 'end' ? end.status : null;
    },
  };
}

/**
 * The trash as a kill left it, before anything reads it: every item has a readable record and
 * holds only files it names; each named file is in the trash or at its original path, never
 * neither, and where it is in both (a move stopped between link and unlink) the bytes are the
 * same; no file is held by two items. The only other entries are items cut short on their way
 * in (holding no file) or out (purged or restored, and finished by the next list).
 */
async function checkTrash(slot: string, label: string): Promise<void> {
  const trash = join(appOf(slot), 'trash');
  const names = (await exists(trash)) ? await readdir(trash) : [];
  const holders = new Map<string, string[]>();
  for (const name of names) {
    if (name.startsWith('.new-')) {
      // An item a kill stopped before it was listed: no session file may have moved into it.
      expect(await list(join(trash, name, 'files')), `${label}: ${name} holds files`).toEqual([]);
      continue;
    }
    if (name.startsWith('.')) {
      expect(name, `${label}: ${name} in the trash`).toMatch(/^\.purging-/);
      continue;
    }
    const item = join(trash, name);
    const text = await readFile(join(item, 'manifest.json'), 'utf8').catch(() => null);
    expect(text, `${label}: trash item ${name} has no record (it holds ${await list(item)})`).not.toBeNull();
    const manifest = manifestSchema.parse(parseJsonOrUndefined(text ?? ''));
    const named = manifest.files.map((file) => file.stored.split(/[\\/]/).pop());
    for (const stored of await list(join(item, 'files'))) {
      expect(named, `${label}: trash item ${name} holds ${stored} unrecorded`).toContain(stored);
    }
    for (const file of manifest.files) {
      const stored = join(item, file.stored);
      const held = (await exists(stored)) ? sha256(await readFile(stored)) : null;
      const inPlace = (await exists(file.original)) ? sha256(await readFile(file.original)) : null;
      expect(
        held ?? inPlace,
        `${label}: ${file.original} is lost: neither in place nor in the trash`,
      ).not.toBeNull();
      if (held && inPlace)
        expect(held, `${label}: ${file.original} differs from its trash copy`).toBe(inPlace);
      if (held && file.sha256 !== '')
        expect(held, `${label}: ${file.original} in the trash`).toBe(file.sha256);
      if (held) holders.set(file.original, [...(holders.get(file.original) ?? []), name]);
    }
  }
  for (const [original, items] of holders) {
    expect(items.length, `${label}: ${original} is held by ${items.join(', ')}`).toBe(1);
  }
}

async function list(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}

describe('SIGKILL during each write', () => {
  it('ran at least 200 operations, killing a child once every few', () => {
    expect(plans.length).toBeGreaterThanOrEqual(200);
    // A kill late enough to land in a later kill slot stands for both, so a few go uncounted.
    expect(kills).toBeGreaterThanOrEqual(OPERATIONS.length * 2);
    for (const operation of OPERATIONS) {
      const { before, after } = reference.get(operation) ?? {};
      expect(after, operation).not.toEqual(before);
    }
  });

  it.each(OPERATIONS)('%s leaves every slot as it was or as the write leaves it', async (operation) => {
    const mine = plans.flatMap((plan, i) => (plan.operation === operation ? [{ plan, i }] : []));
    const endings = await Promise.all(mine.map(({ plan, i }) => checkSlot(operation, plan, i)));
    const tally: Partial<Record<Ending, number>> = {};
    for (const ending of endings) tally[ending] = (tally[ending] ?? 0) + 1;
    console.log(`${operation}: ${JSON.stringify(tally)}`);
    const killedIn = Object.entries(tally).filter(([ending]) => ending !== 'done' && ending !== 'untouched');
    expect(killedIn.length, 'a kill landed in this operation').toBeGreaterThanOrEqual(1);
    if (operation.startsWith('undo.last')) {
      reversedUnlogged.push(...mine.filter((_, n) => endings[n] === 'killedAfter').map(({ plan }) => plan));
    }
    // The rm() seam stops this undo after its reversal, before its end line, every time.
    if (operation === 'undo.last:delete')
      expect(tally.killedAfter, 'an undo killed before its end line').toBeGreaterThanOrEqual(1);
  });

  /**
   * An undo killed after it reversed its write, before its end line, leaves that write looking
   * undoable; the next Ctrl+Z must see it is already reversed and move on, not stop there.
   */
  it('Ctrl+Z after an undo killed before its end line does not stop there', async () => {
    for (const plan of reversedUnlogged) {
      await recover(plan.operation, plan.dir).catch((error: unknown) => {
        // With nothing older on record, having nothing left to undo is the right answer.
        if (!(error instanceof Error && /nothing to undo/.test(error.message))) throw error;
      });
      expect(await observe(plan.dir), plan.dir).toEqual(reference.get(plan.operation)?.after);
    }
  });
});

/** Undo slots a kill stopped after the write was reversed but before the undo's end line. */
const reversedUnlogged: Plan[] = [];

type Ending = 'untouched' | 'done' | 'killedBefore' | 'killedAfter' | 'killedPartway';

/** Checks one slot after the runs, and says how it ended. */
async function checkSlot(operation: Operation, plan: Plan, i: number): Promise<Ending> {
  const { before, after, setUpBegins } = reference.get(operation) ?? {};
  if (!before || !after || setUpBegins === undefined) throw new Error(`no reference for ${operation}`);
  const outcome = outcomes[i] ?? { started: false, done: false };
  const label = `slot ${i} (${operation}, ${outcome.done ? 'done' : outcome.started ? 'killed' : 'not started'})`;
  // A slot with a place to stop at must end killed: one that ran to its end never reached it.
  if (plan.phase)
    expect(outcome.started && !outcome.done, `${label}: stopped at ${JSON.stringify(plan.phase)}`).toBe(true);
  const log = await auditRecords(plan.dir, label);
  await checkTrash(plan.dir, label);
  const now = await observe(plan.dir);
  const purging = (await list(join(appOf(plan.dir), 'trash'))).filter((name) => name.startsWith('.purging-'));
  expect(purging, `${label}: listing the trash finishes a purge cut short`).toEqual([]);
  expect(await undoRecordsWhole(plan.dir), label).toBeLessThanOrEqual(1);

  // A write is never unrecorded: a file it touched means its begin line is in the log.
  const audited = auditedAs(operation, typeof plan.phase === 'string');
  if (audited) {
    const mine = log.begins(audited).slice(setUpBegins);
    if (!isDeepStrictEqual(now, before))
      expect(mine.length, `${label}: a ${audited} changed files unlogged`).toBe(1);
    if (!outcome.started) expect(mine, label).toEqual([]);
    if (outcome.done) expect(log.ended(mine[0]?.id ?? ''), label).toBe('done');
    if (audited === 'undo' && mine[0]) expect(mine[0].undoes, label).not.toBeNull();
  }

  if (outcome.done) {
    expect(now, label).toEqual(after);
    return 'done';
  }
  if (!outcome.started) {
    expect(now, label).toEqual(before);
    return 'untouched';
  }
  if (isDeepStrictEqual(now, before)) return 'killedBefore';
  if (isDeepStrictEqual(now, after)) return 'killedAfter';
  const recovery = MOVING.get(operation);
  if (!recovery) {
    expect([before, after], label).toContainEqual(now);
    return 'killedBefore';
  }
  await recover(operation, plan.dir);
  expect(await observe(plan.dir), `${label}, then made whole`).toEqual(
    recovery === 'restoreAll' ? before : after,
  );
  return 'killedPartway';
}

/**
 * A fork once left a half-made log when killed inside its write (the suite above found it, where
 * a kill lands there now and then). To cut that write short every time, a file-size limit set on
 * the child once it has loaded makes the kernel stop the write after CUT_AT_BYTES, and the child
 * dies of the error, as a process killed there, or one that ran out of disk, would leave it.
 */
describe('a yoi fork cut off inside its write', () => {
  const CUT_AT_BYTES = 100;
  let before: Observed;
  let now: Observed;

  beforeAll(async () => {
    const slot = join(dir, 'cut-fork');
    await prepare('yoi.forkAt', slot);
    before = await observe(slot);
    const planPath = join(dir, 'cut-fork.json');
    await writePlan(planPath, [{ dir: slot, operation: 'yoi.forkAt' }]);
    const child = startChild(planPath, 'pipe');
    let stderr = '';
    child.proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await child.ready;
    await execFileAsync('prlimit', [`--pid=${String(child.proc.pid)}`, `--fsize=${CUT_AT_BYTES}`]);
    const stopped = new Promise<number | null>((resolve) => {
      child.proc.on('close', (code) => resolve(code));
    });
    child.proc.stdin?.end('0\n');
    // Node ignores SIGXFSZ, so the cut-short write fails with EFBIG and the child dies of it.
    expect(await stopped).not.toBe(0);
    expect(stderr).toContain('EFBIG');
    now = await observe(slot);
  });

  it('leaves no half-made session: the log is linked into place only once written whole', () => {
    expect(now).toEqual(before);
  });
});
