/**
 * Kill -9 fault injection over every write the app makes (security.md §3, §4 "process-kill
 * harness"): a child process runs the writes one after another on slots prepared alike, and is
 * killed with SIGKILL at varied moments, then started again from the next slot. Every slot must
 * end as it began or as the same write leaves it when nothing interrupts it, never anything in
 * between; a delete must leave each file either in place or in the trash with a manifest naming
 * it, and restoring that trash item must bring back exactly what was there. (The app has no
 * audit log yet; undo records, the one log it keeps, are checked to be whole.)
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../trash/manifest';
import { Trash } from '../trash/trash';
import {
  appOf,
  observe,
  OPERATIONS,
  prepare,
  rootOf,
  run,
  sessionFilesOf,
  sha256,
  TRASHING,
  writePlan,
} from './ops';
import type { Observed, Operation, Phase, PlannedSlot } from './ops';

const execFileAsync = promisify(execFile);
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/** Slots per operation, and how many of them are chosen to be killed in. */
const SLOTS_PER_OPERATION = 17;
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
/** ZeroClaw rewrites also stop at the store's own seams, so the kill lands exactly there. */
const PHASED: Partial<Record<Operation, Phase[]>> = {
  'zeroclaw.removeLast': ['beforeRename', 'afterRename'],
  'zeroclaw.compact': ['beforeRename', 'afterRename'],
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
let plans: Plan[];
const reference = new Map<Operation, { before: Observed; after: Observed }>();
let outcomes: Outcome[];
let kills = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-faults-'));
  const durations = new Map<Operation, number>();
  for (const operation of OPERATIONS) {
    const template = join(dir, 'templates', operation);
    const done = join(dir, 'after', operation);
    await prepare(operation, template);
    await cp(template, done, { recursive: true });
    const began = performance.now();
    await run(operation, done);
    durations.set(operation, performance.now() - began);
    reference.set(operation, { before: await observe(template), after: await observe(done) });
  }
  plans = [];
  for (let n = 0; n < SLOTS_PER_OPERATION; n++) {
    for (const operation of OPERATIONS) {
      const slot = join(dir, 'slots', `${String(plans.length).padStart(3, '0')}-${operation}`);
      plans.push({ dir: slot, operation, ...killPoint(operation, n, durations.get(operation) ?? 0) });
    }
  }
  await Promise.all(
    plans.map((plan) => cp(join(dir, 'templates', plan.operation), plan.dir, { recursive: true })),
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
      child.onLine((line) => {
        const [what, at] = line.split(' ');
        const i = Number(at);
        const outcome = outcomes[i];
        if (!outcome) return;
        if (what === 'start') {
          outcome.started = true;
          last = i;
          const after = slots[i]?.killAfterMs;
          if (after === 0) kill();
          else if (after != null) setTimeout(kill, after);
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
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, planPath], {
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
 * A delete's end state, file by file: each of the session's files is in place with its old bytes
 * or in exactly one trash item whose manifest names it (and, once hashed, its SHA-256); no trash
 * item holds a file its manifest does not name. Returns the trash ids and whether a file was
 * found in both places (the moment between link() and unlink() of a move).
 */
async function checkTrash(
  operation: Operation,
  slot: string,
  before: Observed,
): Promise<{ trashIds: string[]; inBoth: boolean; allTrashed: boolean }> {
  const trashDir = join(appOf(slot), 'trash');
  const items = (await exists(trashDir)) ? await readdir(trashDir) : [];
  const manifests = [];
  for (const id of items) {
    const path = join(trashDir, id, 'manifest.json');
    const stored = await readdir(join(trashDir, id, 'files')).catch(() => []);
    if (!(await exists(path))) {
      // Killed while the first manifest was written: nothing may have moved yet.
      expect(stored, `trash item ${id} holds files without a manifest`).toEqual([]);
      continue;
    }
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    const named = manifest.files.map((file) => file.stored.split(/[\\/]/).pop());
    for (const name of stored) expect(named, `trash item ${id} holds ${name} unrecorded`).toContain(name);
    manifests.push(manifest);
  }
  let inBoth = false;
  let allTrashed = manifests.length === 1 && manifests[0]?.state === 'trashed';
  for (const name of sessionFilesOf(operation)) {
    const expected = before.files[name];
    const original = join(rootOf(slot), name);
    const inPlace = await exists(original);
    if (inPlace) expect(sha256(await readFile(original)), `${name} in place`).toBe(expected);
    let inTrash = 0;
    for (const manifest of manifests) {
      const file = manifest.files.find((f) => resolve(f.original) === resolve(original));
      if (!file) continue;
      const stored = join(trashDir, manifest.trashId, file.stored);
      if (!(await exists(stored))) continue;
      inTrash++;
      expect(sha256(await readFile(stored)), `${name} in the trash`).toBe(expected);
      if (file.sha256 !== '' || manifest.state === 'trashed') expect(file.sha256).toBe(expected);
    }
    expect(inTrash, `${name} is in more than one trash item`).toBeLessThanOrEqual(1);
    expect(inPlace || inTrash === 1, `${name} is lost: neither in place nor in the trash`).toBe(true);
    if (inPlace && inTrash === 1) inBoth = true;
    if (inPlace || inTrash === 0) allTrashed = false;
  }
  return { trashIds: manifests.map((m) => m.trashId), inBoth, allTrashed };
}

/** What a delete left must equal the start with this session's files taken out, or put back. */
function withoutSession(observed: Observed, operation: Operation): Observed {
  const files = Object.fromEntries(
    Object.entries(observed.files).filter(([name]) => !sessionFilesOf(operation).includes(name)),
  );
  return { ...observed, files, list: [] };
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
    const { before, after } = reference.get(operation) ?? {};
    if (!before || !after) throw new Error(`no reference for ${operation}`);
    const checks = plans.flatMap((plan, i) =>
      plan.operation === operation ? [checkSlot(operation, plan, i, before, after)] : [],
    );
    const tally: Partial<Record<Ending, number>> = {};
    for (const ending of await Promise.all(checks)) tally[ending] = (tally[ending] ?? 0) + 1;
    console.log(`${operation}: ${JSON.stringify(tally)}`);
    const killedIn = Object.entries(tally).filter(([ending]) => ending !== 'done' && ending !== 'untouched');
    expect(killedIn.length, 'a kill landed in this operation').toBeGreaterThanOrEqual(1);
  });
});

type Ending = 'untouched' | 'done' | 'killedBefore' | 'killedAfter' | 'killedPartway' | 'inBoth';

/** Checks one slot after the runs, and says how it ended. */
async function checkSlot(
  operation: Operation,
  plan: Plan,
  i: number,
  before: Observed,
  after: Observed,
): Promise<Ending> {
  const outcome = outcomes[i] ?? { started: false, done: false };
  const label = `slot ${i} (${operation}, ${outcome.done ? 'done' : outcome.started ? 'killed' : 'not started'})`;
  if (TRASHING.has(operation)) {
    const trash = await checkTrash(operation, plan.dir, before);
    const now = await observe(plan.dir);
    expect(withoutSession(now, operation), label).toEqual(withoutSession(before, operation));
    const log = sessionFilesOf(operation)[0];
    const logInPlace = log !== undefined && log in now.files;
    expect(now.list, label).toEqual(logInPlace ? before.list : after.list);
    if (outcome.done) expect(trash.allTrashed, label).toBe(true);
    if (!outcome.started) expect(trash.trashIds, label).toEqual([]);
    const bin = new Trash(join(appOf(plan.dir), 'trash'));
    if (trash.inBoth) {
      // Killed between the link and the unlink of a move: the session is still in place, and
      // restoring the trash item refuses rather than overwrite it.
      for (const id of trash.trashIds) await expect(bin.restore(id), label).rejects.toThrow(/exists again/);
      return 'inBoth';
    }
    // Whatever a kill left in the trash goes back byte-identical.
    for (const id of trash.trashIds) await bin.restore(id);
    expect(await observe(plan.dir), label).toEqual(before);
    if (outcome.done) return 'done';
    if (!outcome.started) return 'untouched';
    if (trash.allTrashed) return 'killedAfter';
    return trash.trashIds.length === 0 ? 'killedBefore' : 'killedPartway';
  }
  const now = await observe(plan.dir);
  expect(await undoRecordsWhole(plan.dir), label).toBeLessThanOrEqual(1);
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
  expect([before, after], label).toContainEqual(now);
  return 'killedBefore';
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
