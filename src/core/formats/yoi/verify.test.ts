import { appendFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../jsonl';
import { SOURCE_ID, tempDir, vectorLines, writeLog } from './testkit';
import { cachedStatus, verifyCached, verifyLog } from './verify';

const HEAD = 'f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143';

async function report(lines: string[], tail = '') {
  return (await verifyLog(await writeLog(await tempDir(), SOURCE_ID, lines, tail))).report;
}

describe('verifyLog', () => {
  it('accepts the test vector and names its head', async () => {
    expect(await report(vectorLines)).toEqual({
      lines: 8,
      headHash: HEAD,
      ok: true,
      firstBadLine: null,
      reason: null,
    });
  });

  it('skips blank lines as the crate does, counting them in line numbers', async () => {
    const lines = [...vectorLines.slice(0, 2), '', '  ', ...vectorLines.slice(2, 4)];
    lines.push(vectorLines[4]?.replace('"output_tokens":10', '"output_tokens":11') ?? '');
    expect(await report(lines)).toMatchObject({ lines: 5, ok: false, firstBadLine: 7 });
  });

  it('finds a tampered byte', async () => {
    const lines = [...vectorLines];
    lines[3] = (lines[3] ?? '').replace('Sunny', 'Rainy');
    expect(await report(lines)).toMatchObject({ ok: false, firstBadLine: 4, headHash: null });
    expect((await report(lines)).reason).toMatch(/^bad hash/);
  });

  it('finds a missing line as a broken link', async () => {
    const lines = vectorLines.filter((_, i) => i !== 2);
    const r = await report(lines);
    expect(r).toMatchObject({ ok: false, firstBadLine: 3 });
    expect(r.reason).toMatch(/^broken link/);
  });

  it('finds reordered lines as a broken link', async () => {
    const lines = [...vectorLines];
    [lines[4], lines[5]] = [lines[5] ?? '', lines[4] ?? ''];
    const r = await report(lines);
    expect(r).toMatchObject({ ok: false, firstBadLine: 5 });
    expect(r.reason).toMatch(/^broken link/);
  });

  it('finds a torn last line', async () => {
    const torn = (vectorLines[7] ?? '').slice(0, 120);
    const r = await report(vectorLines.slice(0, 7), torn);
    expect(r).toMatchObject({ lines: 8, ok: false, firstBadLine: 8 });
    expect(r.reason).toMatch(/torn last line/);
  });

  it('finds an unparseable line and a first line with a prev_hash', async () => {
    expect(await report([...vectorLines.slice(0, 3), 'garbage', ...vectorLines.slice(3)])).toMatchObject({
      firstBadLine: 4,
      reason: 'unparseable line',
    });
    expect((await report(vectorLines.slice(1))).reason).toMatch(/^broken link: prev_hash is 11cb/);
  });

  it('gives the same answer with tiny chunks (lines spanning reads)', async () => {
    const path = await writeLog(await tempDir(), SOURCE_ID, vectorLines);
    expect((await verifyLog(path, { chunkSize: 7 })).report.headHash).toBe(HEAD);
  });
});

describe('the verification cache', () => {
  it('is unchecked until verified, and again once the file changes', async () => {
    const path = await writeLog(await tempDir(), SOURCE_ID, vectorLines);
    const facts = async () => factsOf(await stat(path));
    expect(cachedStatus(path, await facts())).toEqual({ status: 'unchecked' });
    await verifyCached(path);
    expect(cachedStatus(path, await facts())).toEqual({ status: 'verified', lines: 8 });
    await appendFile(path, 'torn');
    expect(cachedStatus(path, await facts())).toEqual({ status: 'unchecked' });
    await verifyCached(path);
    expect(cachedStatus(path, await facts())).toMatchObject({ status: 'broken', line: 9 });
  });
});
