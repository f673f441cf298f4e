/**
 * A real concurrent writer: a child process appends lines exactly as ZeroClaw does (open in append
 * mode, write the JSON, write "\n" in a second call, close; no lock), while this process compacts,
 * removes last messages and undoes both, over and over. Nothing the child wrote may be lost,
 * except lines removeLast removed on purpose (and did not put back), and every line must stay
 * readable.
 *
 * The child appends in bursts this process asks for at the moments that matter (as an operation
 * starts, just before a rewrite's rename, just after it) and does not wait for: its writes race
 * ours for real, while the file stays small enough for hundreds of rewrites. No timers anywhere.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZeroclawFormatStore } from './index';
import { parseLine } from './line';
import { decode } from './undo';
import { line, withTempDir } from './testkit';
import type { UndoStep } from '../format';

const MIN_CHILD_LINES = 2_000;
/** Rounds of compact, removeLast, undo, removeLast and (some) undos: about 230 writes and undos. */
const ROUNDS = 50;
const BURST = 16;
/** Seconds on a quiet machine; more when the whole suite shares the CPUs. */
const SLOW_TEST_MS = 120_000;

/** ZeroClaw's `append`: `OpenOptions::append`, then `writeln!`, which is two write() calls. */
const APPENDER = `
const fs = require('node:fs');
const path = process.argv[1];
let written = 0;
let allowed = 0;
let stopping = false;
let busy = false;
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'stop') stopping = true;
  else allowed += message;
  if (!busy) pump();
});
function pump() {
  if (written >= allowed) {
    busy = false;
    if (stopping) process.send({ written }, () => process.disconnect());
    return;
  }
  busy = true;
  const fd = fs.openSync(path, 'a');
  fs.writeSync(fd, JSON.stringify({ role: written % 2 ? 'assistant' : 'user', content: 'child-' + written }));
  fs.writeSync(fd, '\\n');
  fs.closeSync(fd);
  written += 1;
  setImmediate(pump);
}
process.send('ready');
`;

describe('a rewrite racing a real appender', () => {
  it(
    `loses none of ≥ ${MIN_CHILD_LINES} appended lines across hundreds of compacts, removals and undos`,
    async () => {
      await withTempDir(async (dir) => {
        const id = 'race';
        const path = join(dir, `${id}.jsonl`);
        await writeFile(path, `${line('user', 'parent-0')}\n  \n${line('assistant', 'parent-1')}`);
        const child = spawn(process.execPath, ['-e', APPENDER, path], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const exited = once(child, 'exit');
        await once(child, 'message');
        let asked = 0;
        const burst = async (): Promise<void> => {
          asked += BURST;
          child.send(BURST);
        };
        const store = new ZeroclawFormatStore(
          { id: 'root', path: dir },
          { rewriteHooks: { beforeRename: burst, afterRename: burst } },
        );
        const started = performance.now();

        /** Child lines removeLast took out and no undo has put back. */
        const removed = new Set<string>();
        const removedBy = (step: UndoStep): string => {
          const parsed = parseLine(decode(String(step.line)));
          return 'message' in parsed ? parsed.message.content : '';
        };
        const outcomes = { writes: 0, undone: 0, conflicts: 0 };
        let carriedAcrossRename = 0;
        const run = async (write: () => Promise<unknown>): Promise<void> => {
          try {
            await write();
            outcomes.undone += 1;
          } catch (error) {
            if ((error as { code?: string }).code !== 'conflict') throw error;
            outcomes.conflicts += 1;
          }
        };

        for (let op = 0; op < ROUNDS; op++) {
          await burst();
          const { undo: compactStep } = await store.compact(id);
          // Blank lines come only from appends carried across a rename behind their "\n" (rewrite.ts).
          carriedAcrossRename += Array.isArray(compactStep?.dropped) ? compactStep.dropped.length : 0;
          const first = await store.removeLast(id);
          if (first.undo) removed.add(removedBy(first.undo));
          await run(async () => {
            if (!first.undo) return;
            await store.revert(id, first.undo);
            removed.delete(removedBy(first.undo));
          });
          const second = await store.removeLast(id);
          if (second.undo) removed.add(removedBy(second.undo));
          outcomes.writes += 3;
          if (compactStep && op % 2 === 0) await run(() => store.revert(id, compactStep));
          if (op % 3 === 0 && second.undo) {
            const step = second.undo;
            await run(async () => {
              await store.revert(id, step);
              removed.delete(removedBy(step));
            });
          }
        }
        const racing = performance.now() - started;
        if (asked < MIN_CHILD_LINES) child.send(MIN_CHILD_LINES - asked);
        child.send('stop');
        const [{ written }] = (await once(child, 'message')) as [{ written: number }];
        await exited;

        const messages = await allTexts(store, id);
        const inFile = messages.filter((text) => text.startsWith('child-'));
        const expected = Array.from({ length: written }, (_, n) => `child-${n}`);
        expect(new Set(inFile).size, 'no child line appears twice').toBe(inFile.length);
        expect(
          inFile.filter((text) => removed.has(text)),
          'a removed line is not also in the file',
        ).toEqual([]);
        expect([...inFile, ...removed].sort()).toEqual(expected.sort());
        expect(await store.unreadable(id), 'every line stays readable').toEqual([]);
        expect(written).toBeGreaterThanOrEqual(MIN_CHILD_LINES);
        expect(outcomes.writes + outcomes.undone + outcomes.conflicts).toBeGreaterThanOrEqual(200);
        expect(carriedAcrossRename, 'the race reached the moment around the rename').toBeGreaterThan(0);
        console.info(
          `race: ${written} child lines; ${outcomes.writes} writes and ${outcomes.undone} undos (${outcomes.conflicts} more refused as conflicts) in ${racing.toFixed(0)} ms; ${removed.size} lines removed on purpose; ${carriedAcrossRename} appends carried across a rename`,
        );
      });
    },
    SLOW_TEST_MS,
  );
});

async function allTexts(store: ZeroclawFormatStore, id: string): Promise<string[]> {
  const texts: string[] = [];
  const { total } = await store.turns(id, 0, 1);
  for (let from = 0; from < total; from += 500) {
    for (const turn of (await store.turns(id, from, 500)).turns) texts.push(turn.text);
  }
  return texts;
}
