import { beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, json, run, writeSession } from './testing';

let base: string;
let home: string;
let root: string;

beforeEach(async () => {
  ({ base, home, root } = await cliSandbox());
});

const cli = (...argv: string[]) => run(['--home', home, '--root', root, ...argv], { cwd: base });

async function twoSessions(): Promise<{ keeper: string; ledger: string }> {
  const keeper = await writeSession(root, {
    name: 'Lighthouse',
    turns: [
      { role: 'user', content: 'Who keeps the lighthouse lamp lit?', timestampMs: 1_700_000_001_000 },
      { role: 'assistant', content: 'The keeper trims the wick each night.', timestampMs: 1_700_000_002_000 },
    ],
  });
  const ledger = await writeSession(root, {
    name: 'Ledger',
    turns: [{ role: 'user', content: 'Balance the harbour ledger', timestampMs: 1_700_000_003_000 }],
  });
  return { keeper, ledger };
}

describe('sessionscope search', () => {
  it('prints each matching session with its turns, the match in brackets', async () => {
    const { keeper } = await twoSessions();
    const result = await cli('search', 'keeper');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Lighthouse  (ORCS ${keeper}, 1 hit)`);
    expect(result.stdout).toContain('turn 2, assistant: The [keeper] trims the wick each night.');
    expect(result.stdout).not.toContain('Ledger');
  });

  it('answers --json with sessions, hit counts and snippets with their marks', async () => {
    const { ledger } = await twoSessions();
    const answer = json(await cli('search', '"harbour ledger"', '--json')) as {
      sessions: {
        session: { id: string };
        hitCount: number;
        hits: { turn: number; snippet: { text: string; marks: number[][] } }[];
      }[];
    };
    expect(answer.sessions.map((s) => s.session.id)).toEqual([ledger]);
    const hit = answer.sessions[0]?.hits[0];
    expect(hit?.turn).toBe(0);
    const [start = 0, end = 0] = hit?.snippet.marks[0] ?? [];
    expect(hit?.snippet.text.slice(start, end).toLowerCase()).toBe('harbour ledger');
  });

  it('says so when nothing matches, and takes hostile query text as words', async () => {
    await twoSessions();
    expect(await cli('search', 'nothing-here-at-all')).toMatchObject({
      code: 0,
      stdout: 'no sessions match\n',
    });
    const hostile = await cli('search', '"unbalanced ( NEAR AND * ^ OR');
    expect(hostile.code).toBe(0);
    expect(hostile.stderr).toBe('');
    const long = await cli('search', 'x'.repeat(10_000));
    expect(long.code).toBe(0);
    expect(long.stdout).toContain('the query was cut');
  });

  it('finds what was written since the last search, from the index it keeps in the app data', async () => {
    await twoSessions();
    expect((await cli('search', 'anchor')).stdout).toBe('no sessions match\n');
    const added = await writeSession(root, {
      name: 'Anchorage',
      turns: [{ role: 'user', content: 'Drop anchor off the point', timestampMs: 1_700_000_004_000 }],
    });
    expect((await cli('search', 'anchor')).stdout).toContain(added);
  });
});
