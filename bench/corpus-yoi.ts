/**
 * yoi sessions: `<uuidv7>.jsonl` hash-chained logs, each line made by the format's own
 * `hashedLine` (the crate's serialisation and SHA-256 chain, formats.md §3.5), so verification
 * walks a chain the Rust crate would have written. A turn is what a pod writes for one run:
 * the user's input, assistant items (reasoning, text, a tool call), tool results, the LLM usage
 * record, the final reply, `turn_end` and `run_completed`.
 */
import { join } from 'node:path';
import type { Item, LogEntry } from '../src/core/formats/yoi/entries';
import { hashedLine } from '../src/core/formats/yoi/hash';
import { uuidv7 } from '../src/core/formats/yoi/id';
import type { Random } from './random';
import { FileSink } from './sink';
import type { TextPool } from './text';

const text = (role: 'user' | 'assistant', body: string): Item => ({
  type: 'message',
  role,
  content: [{ type: 'text', text: body }],
});

export function yoiId(random: Random, startMs: number): string {
  return uuidv7(startMs, random.bytes(10));
}

function* turn(random: Random, pool: TextPool, ts: number, n: number): Generator<LogEntry> {
  yield { kind: 'user_input', ts, item: text('user', pool.user(random)) };
  const tools = Array.from({ length: random.int(3) }, () => pool.tool(random));
  const calls: Item[] = tools.map((tool, i) => ({
    type: 'tool_call',
    call_id: `call_${n}_${i}`,
    name: tool.name,
    arguments: JSON.stringify(tool.args),
  }));
  const thinking: Item[] = random.chance(0.4)
    ? [{ type: 'reasoning', text: pool.assistant(random).slice(0, 600), status: 'completed' }]
    : [];
  yield { kind: 'assistant_items', ts: ts + 800, items: [...thinking, ...calls] };
  if (tools.length > 0) {
    yield {
      kind: 'tool_results',
      ts: ts + 1500,
      items: tools.map((tool, i) => ({
        type: 'tool_result',
        call_id: `call_${n}_${i}`,
        summary: tool.output.slice(0, 200),
        content: tool.output,
      })),
    };
  }
  yield {
    kind: 'llm_usage',
    ts: ts + 2000,
    history_len: 4 * n + 3,
    input_total_tokens: 1000 + 400 * n,
    cache_read_tokens: 300 * n,
    cache_write_tokens: random.int(500),
    output_tokens: random.between(20, 2000),
  };
  yield { kind: 'assistant_items', ts: ts + 2500, items: [text('assistant', pool.assistant(random))] };
  yield { kind: 'turn_end', ts: ts + 2600, turn_count: n };
  yield { kind: 'run_completed', ts: ts + 2700, interrupted: false, result: 'finished' };
}

/** Writes one log of about `targetBytes`, streamed, and returns its path and size. */
export async function writeYoiSession(
  dir: string,
  id: string,
  startMs: number,
  random: Random,
  pool: TextPool,
  targetBytes: number,
): Promise<{ path: string; bytes: number }> {
  const path = join(dir, `${id}.jsonl`);
  const sink = await FileSink.create(path);
  let prev: string | null = null;
  let written = 0;
  const append = async (entry: LogEntry): Promise<void> => {
    const { hash, line } = hashedLine(prev, entry);
    prev = hash;
    written += line.length + 1;
    await sink.write(`${line}\n`);
  };
  await append({
    kind: 'session_start',
    ts: startMs,
    system_prompt: 'You are a careful coding agent working in this repository.',
    config: {
      max_tokens: 8192,
      temperature: 0.2,
      top_p: 1.0,
      top_k: null,
      stop_sequences: [],
      reasoning: random.pick(['low', 'medium', 'high']),
    },
    history: [],
  });
  for (let n = 1; written < targetBytes; n++) {
    for (const entry of turn(random, pool, startMs + n * 60_000, n)) await append(entry);
  }
  return { path, bytes: await sink.close() };
}
