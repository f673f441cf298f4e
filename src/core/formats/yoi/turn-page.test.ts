import { appendFile, open, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../../shared/model';
import { digestCached } from './digest';
import type { Item, LogEntry } from './entries';
import { scanLog } from './log';
import { SOURCE_ID, chain, tempDir, writeLog } from './testkit';
import { Timeline } from './timeline';
import { readTurns } from './turn-page';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'yoi');

/** The turns as the whole log folded at once makes them: what every page must agree with. */
async function wholeTimeline(path: string): Promise<Turn[]> {
  const timeline = new Timeline();
  let lastTs: number | null = null;
  await scanLog(path, ({ number, entry: hashed }) => {
    const { entry, hash } = hashed;
    timeline.add(hashed, { line: number, hash, ts: entry.ts ?? lastTs ?? 0 });
    if (entry.ts !== null) lastTs = entry.ts;
  });
  return timeline.turns;
}

/** Every page of `size` turns, read by byte range, in order. */
async function pagesOf(path: string, size: number): Promise<{ total: number; turns: Turn[] }> {
  const digest = await digestCached(path);
  const handle = await open(path, 'r');
  try {
    const turns: Turn[] = [];
    for (let from = 0; from < digest.turnIndex.count; from += size) {
      const page = await readTurns(handle, digest, from, size);
      expect(page.from).toBe(from);
      turns.push(...page.turns);
    }
    return { total: digest.turnIndex.count, turns };
  } finally {
    await handle.close();
  }
}

async function expectPagesWhole(path: string, sizes: number[]): Promise<void> {
  const whole = await wholeTimeline(path);
  for (const size of sizes) {
    const paged = await pagesOf(path, size);
    expect(paged.total).toBe(whole.length);
    expect(paged.turns).toStrictEqual(whole);
  }
}

const callId = fc.constantFrom('a', 'b', 'c');
const text = fc.string({ maxLength: 6 });
const message = (roles: ('user' | 'assistant' | 'system')[]): fc.Arbitrary<Item> =>
  fc.record({
    type: fc.constant('message' as const),
    role: fc.constantFrom(...roles),
    content: fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('text' as const), text }),
        fc.record({ type: fc.constant('refusal' as const), refusal: text }),
      ),
      { maxLength: 2 },
    ),
  });
const toolCall: fc.Arbitrary<Item> = fc.record({
  type: fc.constant('tool_call' as const),
  call_id: callId,
  name: text,
  arguments: fc.constantFrom('{"x":1}', 'not json'),
});
const toolResult: fc.Arbitrary<Item> = fc.record(
  { type: fc.constant('tool_result' as const), call_id: callId, summary: text, content: text },
  { requiredKeys: ['type', 'call_id', 'summary'] },
);
const reasoning: fc.Arbitrary<Item> = fc.record({ type: fc.constant('reasoning' as const), text });
const anyItem = fc.oneof(message(['user', 'assistant', 'system']), toolCall, toolResult, reasoning);
const config = {
  max_tokens: null,
  temperature: null,
  top_p: null,
  top_k: null,
  stop_sequences: [],
  reasoning: null,
};

const entry: fc.Arbitrary<LogEntry> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('session_start' as const),
      ts: fc.nat(100),
      system_prompt: fc.constant(null),
      config: fc.constant(config),
      history: fc.array(anyItem, { maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('user_input' as const), ts: fc.nat(100), item: anyItem }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('assistant_items' as const),
      ts: fc.nat(100),
      items: fc.array(fc.oneof(message(['assistant']), toolCall, reasoning, toolResult), { maxLength: 4 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('tool_results' as const),
      ts: fc.nat(100),
      items: fc.array(toolResult, { maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('hook_injected_items' as const),
      ts: fc.nat(100),
      items: fc.array(anyItem, { maxLength: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('turn_end' as const), ts: fc.nat(100), turn_count: fc.nat(9) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('run_completed' as const),
      ts: fc.nat(100),
      interrupted: fc.boolean(),
      result: fc.constant('finished' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('llm_usage' as const),
      ts: fc.nat(100),
      history_len: fc.nat(9),
      input_total_tokens: fc.nat(9),
      cache_read_tokens: fc.nat(9),
      cache_write_tokens: fc.nat(9),
      output_tokens: fc.nat(9),
    }),
  },
);

/** Lines no well-written log has, which the fold must skip or show just as the whole log does. */
const oddLine = fc.constantFrom(
  '',
  'not json',
  `{"hash":"${'ab'.repeat(32)}","prev_hash":null,"kind":"mystery"}`,
  `{"hash":"${'ab'.repeat(32)}","prev_hash":null,"kind":"turn_end","ts":7,"turn_count":1,"reason":"x"}`,
  `{"hash":"${'ab'.repeat(32)}","prev_hash":null,"kind":"tool_results","ts":8,"items":[{"type":"image"}]}`,
);

describe('turn pages read by byte range', () => {
  it('make the turns of the whole log for every fixture and page size', async () => {
    const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.jsonl'));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) await expectPagesWhole(join(FIXTURES, name), [1, 2, 3, 200]);
  });

  it("give an entry without a ts on a page's first line the ts before it", async () => {
    const [start = ''] = chain([
      { kind: 'session_start', ts: 1500, system_prompt: null, config, history: [] },
    ]).lines;
    const mystery = `{"hash":"${'ab'.repeat(32)}","prev_hash":null,"kind":"mystery"}`;
    const path = await writeLog(await tempDir(), SOURCE_ID, [start, mystery, mystery]);
    expect((await pagesOf(path, 1)).turns.map((t) => t.time)).toEqual([
      '1970-01-01T00:00:01.500Z',
      '1970-01-01T00:00:01.500Z',
    ]);
    await expectPagesWhole(path, [1]);
  });

  it('stay those of the whole log as it grows, a torn last line included', async () => {
    const { lines } = chain([
      { kind: 'session_start', ts: 1, system_prompt: null, config, history: [] },
      {
        kind: 'user_input',
        ts: 2,
        item: { type: 'message', role: 'user', content: [{ type: 'text', text: 'hi' }] },
      },
      {
        kind: 'assistant_items',
        ts: 3,
        items: [{ type: 'tool_call', call_id: 'a', name: 'ls', arguments: '{}' }],
      },
      { kind: 'turn_end', ts: 4, turn_count: 1 },
      { kind: 'tool_results', ts: 5, items: [{ type: 'tool_result', call_id: 'a', summary: 'late' }] },
      { kind: 'turn_end', ts: 6, turn_count: 2 },
    ]);
    const path = await writeLog(await tempDir(), SOURCE_ID, lines.slice(0, 4));
    await expectPagesWhole(path, [1, 2]);
    const before = await digestCached(path);
    // The result completes a turn indexed before the append: read on, not read again.
    await appendFile(path, `${lines[4] ?? ''}\n${(lines[5] ?? '').slice(0, 20)}`);
    await expectPagesWhole(path, [1, 2]);
    expect(await digestCached(path)).toBe(before);
    const [, assistant] = (await pagesOf(path, 10)).turns;
    expect(assistant?.toolCalls[0]?.result).toBe('late');
    // The torn line was read as unreadable, so the digest is made again once it is whole.
    await appendFile(path, `${(lines[5] ?? '').slice(20)}\n`);
    await expectPagesWhole(path, [1, 2]);
    const after = await digestCached(path);
    expect(after).not.toBe(before);
    expect(after.unreadable).toEqual([]);
    // Rewritten in place at the same size: not an append, so read again.
    await writeFile(path, (await readFile(path, 'utf8')).replace('"late"', '"LATE"'));
    expect(await digestCached(path)).not.toBe(after);
    expect((await pagesOf(path, 10)).turns[1]?.toolCalls[0]?.result).toBe('LATE');
  });

  it('make the turns of the whole log for any log and page size', async () => {
    const dir = await tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof({ weight: 6, arbitrary: entry.map((e) => ({ e })) }, { weight: 1, arbitrary: oddLine }),
          {
            maxLength: 40,
          },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (parts, size) => {
          const entries = parts.filter((p): p is { e: LogEntry } => typeof p !== 'string').map((p) => p.e);
          const chained = chain(entries).lines;
          const lines = parts.map((p) => (typeof p === 'string' ? p : (chained.shift() ?? '')));
          run += 1;
          const path = await writeLog(
            dir,
            SOURCE_ID.replace(/.{4}$/, run.toString(16).padStart(4, '0')),
            lines,
          );
          await expectPagesWhole(path, [size]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
