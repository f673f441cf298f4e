import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationTurn, ToolCallRecord } from '../formats/orcs/asset';
import { serializeAsset } from '../formats/orcs/serialize';
import { newAsset } from '../formats/orcs/testkit';
import { IndexService } from './service';
import type { IndexedRoot } from './root';
import { rootOf, tempDir, writeZeroclaw } from './testkit';

let dir: string;
let service: IndexService;

beforeEach(async () => {
  dir = await tempDir();
  service = IndexService.open({ dbPath: join(dir, 'index.sqlite') });
});

afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;

function call(tool_name: string, durationMs: number, success = true): ToolCallRecord {
  return { tool_name, args: null, result: null, success, duration_ms: BigInt(durationMs) };
}

function turn(at: number, role: string, content: string, calls: ToolCallRecord[] = []): ConversationTurn {
  return {
    id: `t${at}`,
    timestamp_ms: BigInt(at),
    role,
    content,
    tool_calls: calls,
    tags: [],
    metadata: new Map(),
  };
}

async function writeOrcs(folder: string, id: string, createdAt: number, turns: ConversationTurn[]) {
  const asset = newAsset(id, BigInt(createdAt));
  asset.history.turns.push(...turns);
  await writeFile(join(folder, `${id}.json`), serializeAsset(asset));
}

async function indexed(roots: IndexedRoot[]): Promise<void> {
  service.setRoots(roots);
  await service.sync();
}

const at = (iso: string) => Date.parse(iso);

describe('library stats', () => {
  it('counts sessions and turns per day and tool calls per tool, exactly', async () => {
    const orcs = join(dir, 'orcs');
    await mkdir(orcs);
    await writeOrcs(orcs, 'one', at('2026-01-01T09:00:00Z'), [
      turn(at('2026-01-01T10:00:01Z'), 'user', 'Look at the parser'),
      turn(at('2026-01-01T10:00:05Z'), 'assistant', 'Reading it', [
        call('read', 10),
        call('read', 30),
        call('bash', 100, false),
      ]),
      // A turn of tool calls alone is counted once, by its calls.
      turn(at('2026-01-02T09:00:00Z'), 'assistant', '', [call('read', 20), call('bash', 300)]),
    ]);
    await writeOrcs(orcs, 'two', at('2026-01-02T11:00:00Z'), [
      turn(at('2026-01-02T12:00:00Z'), 'user', 'hello'),
      turn(at('2026-01-02T12:00:03Z'), 'assistant', 'hi', [call('read', 40)]),
    ]);
    // Twenty durations, shuffled: the median is between the 10th and 11th, p95 the 19th.
    const durations = [7, 19, 3, 12, 1, 20, 15, 9, 4, 17, 2, 11, 14, 6, 18, 10, 5, 16, 8, 13];
    await writeOrcs(orcs, 'three', at('2026-01-03T08:00:00Z'), [
      turn(
        at('2026-01-03T08:00:01Z'),
        'assistant',
        'searching',
        durations.map((ms) => call('grep', ms)),
      ),
    ]);
    await indexed([rootOf('orcsroot', orcs, 'orcs')]);

    const stats = service.libraryStats({ days: null });
    expect(stats.perDay).toEqual([
      { day: '2026-01-01', sessions: 1, turns: 2 },
      { day: '2026-01-02', sessions: 1, turns: 3 },
      { day: '2026-01-03', sessions: 1, turns: 1 },
    ]);
    expect(stats.totals).toEqual({ sessions: 3, turns: 6, toolCalls: 26, failedCalls: 1 });
    expect(stats.undated).toEqual({ sessions: 0, turns: 0 });
    expect(stats.from).toBe('2026-01-01');
    expect(stats.to).toBe('2026-01-03');
    expect(stats.toolsTotal).toBe(3);
    expect(stats.indexing).toBe(false);
    expect(stats.tools).toEqual([
      { tool: 'grep', calls: 20, failed: 0, withOutcome: 20, timed: 20, medianMs: 10.5, p95Ms: 19 },
      { tool: 'read', calls: 4, failed: 0, withOutcome: 4, timed: 4, medianMs: 25, p95Ms: 40 },
      { tool: 'bash', calls: 2, failed: 1, withOutcome: 2, timed: 2, medianMs: 200, p95Ms: 300 },
    ]);
  });

  it('keeps a range to its days, counted back from today', async () => {
    const orcs = join(dir, 'orcs');
    await mkdir(orcs);
    const now = Date.now();
    for (const [id, daysAgo] of [
      ['recent', 1],
      ['month', 40],
      ['season', 100],
    ] as const) {
      const time = now - daysAgo * DAY;
      await writeOrcs(orcs, id, time, [turn(time + 1000, 'assistant', id, [call(id, daysAgo)])]);
    }
    await indexed([rootOf('orcsroot', orcs, 'orcs')]);

    const month = service.libraryStats({ days: 30 });
    expect(month.days).toBe(30);
    expect(month.to).toBe(new Date(now).toISOString().slice(0, 10));
    expect(month.from).toBe(new Date(now - 29 * DAY).toISOString().slice(0, 10));
    expect(month.totals).toEqual({ sessions: 1, turns: 1, toolCalls: 1, failedCalls: 0 });
    expect(month.tools.map((tool) => tool.tool)).toEqual(['recent']);
    expect(month.undated).toBeNull();

    const quarter = service.libraryStats({ days: 90 });
    expect(quarter.totals).toMatchObject({ sessions: 2, turns: 2, toolCalls: 2 });
    expect(quarter.tools.map((tool) => tool.tool).sort()).toEqual(['month', 'recent']);

    const all = service.libraryStats({ days: null });
    expect(all.totals).toMatchObject({ sessions: 3, turns: 3, toolCalls: 3 });
  });

  it('counts turns with no time apart, and tool calls with no outcome or duration as such', async () => {
    const zeroclaw = join(dir, 'zeroclaw');
    await mkdir(zeroclaw);
    await writeZeroclaw(zeroclaw, 'alpha', [
      ['user', 'search the web for it'],
      ['assistant', '[Used tools: web_search, web_fetch]\nFound it.'],
      ['user', 'thanks'],
    ]);
    await indexed([rootOf('zcroot', zeroclaw, 'zeroclaw')]);

    const stats = service.libraryStats({ root: 'zcroot', days: null });
    expect(stats.undated?.turns).toBe(3);
    expect(stats.perDay.reduce((sum, day) => sum + day.turns, 0)).toBe(0);
    expect(stats.totals.turns).toBe(3);
    expect(stats.tools).toEqual([
      { tool: 'web_fetch', calls: 1, failed: 0, withOutcome: 0, timed: 0, medianMs: null, p95Ms: null },
      { tool: 'web_search', calls: 1, failed: 0, withOutcome: 0, timed: 0, medianMs: null, p95Ms: null },
    ]);
  });

  it('answers only for the roots asked for, and for none that are not in use', async () => {
    const orcs = join(dir, 'orcs');
    await mkdir(orcs);
    await writeOrcs(orcs, 'one', at('2026-01-01T09:00:00Z'), [
      turn(at('2026-01-01T10:00:00Z'), 'user', 'hi'),
    ]);
    await indexed([rootOf('orcsroot', orcs, 'orcs')]);
    expect(service.libraryStats({ root: 'orcsroot', days: null }).totals.sessions).toBe(1);
    expect(service.libraryStats({ root: 'elsewhere', days: null }).totals).toEqual({
      sessions: 0,
      turns: 0,
      toolCalls: 0,
      failedCalls: 0,
    });
  });
});
