import fc from 'fast-check';
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { line } from '../formats/zeroclaw/testkit';
import { IndexService } from './service';
import { contentOf, indexOnce, rootOf, tempDir } from './testkit';

const words = ['harbour', 'lighthouse', 'keeper', 'storm', 'ledger', 'signal', 'anchor', 'tide'];
const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const messages = fc.array(text, { minLength: 1, maxLength: 5 });
const session = fc.integer({ min: 0, max: 3 });

type Op =
  | { op: 'append'; session: number; text: string }
  | { op: 'rewrite'; session: number; texts: string[] }
  | { op: 'shrink'; session: number }
  | { op: 'overwrite'; session: number; texts: string[] }
  | { op: 'remove'; session: number }
  | { op: 'sync' }
  | { op: 'interrupt' };

const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('append' as const), session, text }),
    fc.record({ op: fc.constant('rewrite' as const), session, texts: messages }),
    fc.record({ op: fc.constant('shrink' as const), session }),
    fc.record({ op: fc.constant('overwrite' as const), session, texts: messages }),
    fc.record({ op: fc.constant('remove' as const), session }),
    fc.constant({ op: 'sync' as const }),
    fc.constant({ op: 'interrupt' as const }),
  ),
  { maxLength: 14 },
);

const body = (texts: string[]) => texts.map((t, i) => line(i % 2 ? 'assistant' : 'user', t)).join('');

it('the index agrees with the files after any appends, rewrites, shrinks, removals and interruptions', async () => {
  await fc.assert(
    fc.asyncProperty(ops, async (steps) => {
      const dir = await tempDir();
      try {
        const sessions = join(dir, 'sessions');
        await mkdir(sessions);
        const path = (n: number) => join(sessions, `s${n}.jsonl`);
        const contents = new Map<number, string[]>();
        for (let n = 0; n < 2; n++) {
          contents.set(n, [`first words of ${n}`]);
          await writeFile(path(n), body([`first words of ${n}`]));
        }
        const roots = [rootOf('modelroot', sessions, 'zeroclaw')];
        const dbPath = join(dir, 'index.sqlite');
        let service = IndexService.open({ dbPath });
        service.setRoots(roots);
        for (const step of steps) {
          switch (step.op) {
            case 'append': {
              const now = contents.get(step.session) ?? [];
              contents.set(step.session, [...now, step.text]);
              // An append to a missing file starts it, as an agent's first message does.
              await appendFile(path(step.session), line(now.length % 2 ? 'assistant' : 'user', step.text));
              break;
            }
            case 'rewrite':
              contents.set(step.session, step.texts);
              await writeFile(`${path(step.session)}.tmp`, body(step.texts));
              await rename(`${path(step.session)}.tmp`, path(step.session));
              break;
            case 'shrink': {
              const now = contents.get(step.session);
              if (!now || now.length < 2) break;
              // In place, same inode: only the size tells.
              contents.set(step.session, now.slice(0, -1));
              await writeFile(path(step.session), body(now.slice(0, -1)));
              break;
            }
            case 'overwrite':
              // In place and possibly longer: an append-only reader must not take it for an append.
              contents.set(step.session, step.texts);
              await writeFile(path(step.session), body(step.texts));
              break;
            case 'remove':
              contents.delete(step.session);
              await rm(path(step.session), { force: true });
              break;
            case 'sync':
              await service.sync();
              break;
            case 'interrupt': {
              const running = service.sync();
              await service.close();
              await running;
              service = IndexService.open({ dbPath });
              service.setRoots(roots);
              break;
            }
          }
        }
        await service.sync();
        await service.close();
        const freshPath = join(dir, 'fresh.sqlite');
        await indexOnce(freshPath, roots);
        expect(contentOf(dbPath)).toEqual(contentOf(freshPath));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: 40 },
  );
}, 120_000);
