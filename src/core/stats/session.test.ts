import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orcsFormat } from '../formats/orcs';
import { serializeAsset } from '../formats/orcs/serialize';
import { newAsset, userTurn } from '../formats/orcs/testkit';
import { yoiFormat } from '../formats/yoi';
import { SOURCE_ID, tempDir, vectorLines, writeLog } from '../formats/yoi/testkit';
import { sessionStats } from './session';

let dir: string;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sessionStats', () => {
  it('reads every page of a long session and answers spans within the cap', async () => {
    const asset = newAsset('long');
    const start = 1767225600000;
    for (let i = 0; i < 1_500; i++) {
      const at = BigInt(start + i * 1_000);
      const user = userTurn(`u${i}`, `question ${i}`, at);
      user.tool_calls.push({
        tool_name: 'read',
        args: null,
        result: null,
        success: i % 3 !== 0,
        duration_ms: 5n,
      });
      asset.history.turns.push(user);
    }
    asset.history.max_turns = 10_000n;
    await mkdir(join(dir, 'orcs'));
    await writeFile(join(dir, 'orcs', 'long.json'), serializeAsset(asset));
    const store = orcsFormat.open({ id: 'orcsroot', path: join(dir, 'orcs') });

    const stats = await sessionStats(store, 'long');
    expect(stats.turns).toBe(1_500);
    expect(stats.toolCalls).toBe(1_500);
    expect(stats.failedCalls).toBe(500);
    expect(stats.timedTurns).toBe(1_500);
    // 3,000 rows would pass the cap: spans of one turn each fit.
    expect(stats.spanTurns).toBe(1);
    expect(stats.rows).toHaveLength(1_500);
    expect(stats.rows[0]).toMatchObject({ kind: 'span', start, end: start + 1_000, calls: 1, failed: 1 });
    expect(stats.tokens).toBeNull();
  });

  it('charts the token use a yoi log records, with its timeline', async () => {
    await writeLog(dir, SOURCE_ID, vectorLines);
    const store = yoiFormat.open({ id: 'yoiroot', path: dir });

    const stats = await sessionStats(store, SOURCE_ID);
    expect(stats.tokens).toEqual({
      points: [{ time: new Date(3600).toISOString(), input: 50, cacheRead: 0, cacheWrite: 0, output: 10 }],
      requests: 1,
      totals: { input: 50, cacheRead: 0, cacheWrite: 0, output: 10 },
    });
    const weather = stats.rows.find((row) => row.kind === 'tool');
    // The call was made at 3000 and its result came at 3500.
    expect(weather).toMatchObject({ tool: 'get_weather', start: 3000, end: 3500 });
  });
});
