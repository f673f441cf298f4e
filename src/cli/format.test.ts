import { describe, expect, it } from 'vitest';
import type { SessionSummary, Turn } from '../shared/model';
import { formatBytes, formatDuration, formatSessionList, formatTurn, relativeTime } from './format';

const now = new Date('2026-03-10T12:00:00Z');

function summary(title: string, updatedAt: string | null, turnCount: number, id: string): SessionSummary {
  return {
    ref: { root: 'r', id },
    format: 'orcs',
    title,
    untitled: false,
    createdAt: null,
    updatedAt,
    projectPath: null,
    turnCount,
    sizeBytes: 10,
    health: { unreadableLines: 0, damaged: null, chain: null },
    capabilities: {
      rename: true,
      delete: true,
      append: false,
      removeLast: false,
      compact: false,
      setState: false,
      fork: false,
    },
    key: null,
    storage: null,
    state: null,
  };
}

describe('relativeTime', () => {
  it('gives an age for the last week and a date before that or in the future', () => {
    expect(relativeTime('2026-03-10T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-03-10T11:15:00Z', now)).toBe('45 min ago');
    expect(relativeTime('2026-03-10T07:00:00Z', now)).toBe('5 h ago');
    expect(relativeTime('2026-03-07T12:00:00Z', now)).toBe('3 d ago');
    expect(relativeTime('2025-12-01T12:00:00Z', now)).toMatch(/^2025-1[12]-\d\d$/);
    expect(relativeTime('2027-01-01T12:00:00Z', now)).toMatch(/^202[67]-\d\d-\d\d$/);
    expect(relativeTime(null, now)).toBe('unknown');
  });
});

describe('formatBytes', () => {
  it('uses the largest unit that keeps the figure above one', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('formatDuration', () => {
  it('gives the two largest units that matter', () => {
    expect(formatDuration(-5)).toBe('0 s');
    expect(formatDuration(40_500)).toBe('40 s');
    expect(formatDuration(10 * 60_000 + 59_000)).toBe('10 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(50 * 3_600_000)).toBe('2 d 2 h');
    expect(formatDuration(72 * 3_600_000 + 59 * 60_000)).toBe('3 d');
  });
});

describe('formatSessionList', () => {
  it('lines columns up under their headings', () => {
    const out = formatSessionList(
      [summary('Fix the login bug', '2026-03-10T11:15:00Z', 12, 'id-1'), summary('日本語', null, 3, 'id-2')],
      now,
    );
    expect(out.split('\n')).toEqual([
      'TITLE              UPDATED     TURNS  ID',
      'Fix the login bug  45 min ago     12  id-1',
      '日本語             unknown         3  id-2',
      '',
    ]);
  });

  it('shows unreadable lines instead of hiding them', () => {
    const damaged = {
      ...summary('t', null, 1, 'x'),
      health: { unreadableLines: 3, damaged: null, chain: null },
    };
    expect(formatSessionList([damaged], now)).toContain('t [3 unreadable lines]');
  });
});

describe('formatTurn', () => {
  it("marks a line the agent's runtime wrote, so it is not read as a message", () => {
    const turn: Turn = {
      index: 4,
      notice: true,
      id: null,
      role: 'system',
      text: 'interrupted',
      time: null,
      toolCalls: [],
      tags: [],
      metadata: {},
    };
    expect(formatTurn(turn)).toBe('\n#5 system (notice) · unknown\n  interrupted\n');
  });

  it('indents the text and summarises tool calls on one line each', () => {
    const turn: Turn = {
      index: 0,
      notice: false,
      id: null,
      role: 'assistant',
      text: 'Reading it.\n\n\u001b[2Jdone',
      time: null,
      toolCalls: [
        { name: 'read', arguments: { path: 'a\nb' }, result: 'x', success: true, durationMs: 3 },
        { name: 'bash', arguments: 'x'.repeat(200), result: null, success: false, durationMs: null },
      ],
      tags: [],
      metadata: {},
    };
    const lines = formatTurn(turn).split('\n');
    expect(lines[1]).toBe('#1 assistant · unknown');
    expect(lines[2]).toBe('  Reading it.');
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('  done');
    expect(lines[5]).toBe('  → read {"path":"a\\nb"} (ok, 3 ms)');
    expect(lines[6]).toBe(`  → bash "${'x'.repeat(78)}… (failed)`);
  });
});
