import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashGrown, hashState } from './file-hash';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessionscope-hash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('hashGrown', () => {
  it('equals a full hash of the file after any appends, across chunk boundaries', async () => {
    const file = join(dir, 'grown.jsonl');
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3 << 20 }),
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 70_000 }), { maxLength: 4 }),
        async (start, appends) => {
          await writeFile(file, start);
          const before = await hashState(file);
          expect(before).toMatchObject({ sha256: sha256(Buffer.from(start)), size: start.length });
          for (const bytes of appends) await appendFile(file, bytes);
          expect(await hashGrown(file, before)).toBe(sha256(await readFile(file)));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('answers null for a file that is not there, before or after', async () => {
    const missing = await hashState(join(dir, 'missing'));
    expect(missing.sha256).toBeNull();
    const made = join(dir, 'made-later');
    await writeFile(made, 'new');
    expect(await hashGrown(made, missing)).toBe(sha256(Buffer.from('new')));
  });
});
