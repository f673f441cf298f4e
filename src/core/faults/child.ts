/**
 * Runs the planned write operations one after another until kill.test.ts kills it with SIGKILL,
 * as a crash or a power cut would. It loads everything first and says `ready`, then waits for
 * the index of the slot to start from on stdin, so the parent can start the next child while
 * this one works. Each report is written synchronously before the step it announces begins, so
 * whatever the parent reads is true of the files.
 */
import { readFileSync, writeSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { createInterface } from 'node:readline';
import { run } from './ops';
import type { PlannedSlot, Seam } from './ops';

const [planPath] = process.argv.slice(2);
if (!planPath) throw new Error('usage: child <plan.json>');
const slots = JSON.parse(readFileSync(planPath, 'utf8')) as PlannedSlot[];

const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

/** Stops here for good: the parent kills on reading the line, at exactly this moment. */
function park(i: number): Promise<never> {
  say(`phase ${i}`);
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
}

/**
 * Wraps one node:fs/promises function so its `nth` call parks once it has returned. The app's
 * modules import these functions by name; syncBuiltinESMExports() points those live bindings at
 * the wrapper. Returns the way back to the real function.
 */
function stopAt(seam: Seam, i: number): () => void {
  const original = fsp[seam.after] as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  const wrapped = async (...args: unknown[]): Promise<unknown> => {
    const result = await original(...args);
    if (++calls === seam.nth) await park(i);
    return result;
  };
  Object.assign(fsp, { [seam.after]: wrapped });
  syncBuiltinESMExports();
  return () => {
    Object.assign(fsp, { [seam.after]: original });
    syncBuiltinESMExports();
  };
}

const lines = createInterface({ input: process.stdin });
say('ready');
const go = await lines[Symbol.asyncIterator]().next();
lines.close();
// A standby the parent never used sees its stdin close: it has nothing to do.
if (go.done) process.exit(0);
const first = Number(go.value);

for (const [i, slot] of slots.entries()) {
  if (i < first) continue;
  say(`start ${i}`);
  const phase = slot.phase;
  if (typeof phase === 'object') {
    const release = stopAt(phase, i);
    try {
      await run(slot.operation, slot.dir);
    } finally {
      release();
    }
  } else {
    await run(slot.operation, slot.dir, phase && { phase, reached: () => park(i) });
  }
  say(`done ${i}`);
}
say('end');
