import { describe, expect, it } from 'vitest';
import { readHeadHash, readStart } from './head';
import { SOURCE_ID, tempDir, vectorLines, writeLog } from './testkit';

const HEAD = 'f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143';

describe('readHeadHash', () => {
  it('reads the last non-blank line, past trailing blank lines and a last line longer than one read', async () => {
    const dir = await tempDir();
    expect(await readHeadHash(await writeLog(dir, SOURCE_ID, vectorLines, '\n  \n\r\n'))).toBe(HEAD);
    const long = vectorLines.map((l, i) =>
      i === 7 ? l.replace('"result"', `"pad":"${'p'.repeat(300_000)}","result"`) : l,
    );
    expect(await readHeadHash(await writeLog(dir, SOURCE_ID, long))).toBe(HEAD);
  });

  it('is null for an empty log and refuses a last line that is not an entry', async () => {
    const dir = await tempDir();
    expect(await readHeadHash(await writeLog(dir, SOURCE_ID, ['', ' ']))).toBeNull();
    await expect(
      readHeadHash(await writeLog(dir, SOURCE_ID, vectorLines, '{"hash":"to')),
    ).rejects.toMatchObject({
      code: 'corrupt',
    });
  });
});

describe('readStart', () => {
  it('reads the first line as a session_start, or null', async () => {
    const dir = await tempDir();
    expect(await readStart(await writeLog(dir, SOURCE_ID, vectorLines))).toEqual({
      ts: 1000,
      forkedFrom: null,
      compactedFrom: null,
    });
    expect(await readStart(await writeLog(dir, SOURCE_ID, vectorLines.slice(1)))).toBeNull();
  });
});
