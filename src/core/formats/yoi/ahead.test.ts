import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingAhead } from './ahead';
import { tempDir } from './testkit';

describe('readingAhead', () => {
  it('reads what the file holds, in order or not, and stops at the end it was given', async () => {
    const path = join(await tempDir(), 'bytes');
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    await writeFile(path, bytes);
    const handle = await open(path, 'r');
    try {
      const reader = readingAhead(handle, 900);
      const at = async (position: number, length: number) => {
        const out = Buffer.alloc(length);
        const { bytesRead } = await reader.read(out, 0, length, position);
        return out.subarray(0, bytesRead);
      };
      expect(await at(0, 300)).toEqual(bytes.subarray(0, 300));
      expect(await at(300, 300)).toEqual(bytes.subarray(300, 600));
      expect(await at(100, 50)).toEqual(bytes.subarray(100, 150));
      expect(await at(600, 300)).toEqual(bytes.subarray(600, 900));
      expect(await at(990, 300)).toEqual(bytes.subarray(990));
    } finally {
      await handle.close();
    }
  });
});
