/**
 * A deterministic corpus of ORCS sessions for the benchmark: the same bytes for the same size on
 * every run, written by the app's own serde-compatible serializer so they are what ORCS saves.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConversationTurn } from '../src/core/formats/orcs/asset';
import { serializeAsset } from '../src/core/formats/orcs/serialize';
import { newAsset } from '../src/core/formats/orcs/testkit';

export const sizes = {
  small: { sessions: 300, maxTurns: 200 },
  large: { sessions: 3000, maxTurns: 1000 },
} as const;
export type Size = keyof typeof sizes;

const words = (
  'the session index parser token stream tool call result cache file root agent write read ' +
  'rename compact trash undo 会话 搜索 索引 fn main() { let x = 42; } SELECT * FROM sessions'
).split(' ');

/** A small linear congruential generator: fast, seedable, and the same on every platform. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function uuid(random: () => number): string {
  const hex = () => Math.floor(random() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

function sentence(random: () => number, length: number): string {
  return Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
}

/** Writes the corpus into `dir` and returns its total size in bytes and the largest session's id. */
export async function writeCorpus(dir: string, size: Size): Promise<{ bytes: number; largest: string }> {
  const random = seeded(42);
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  let largest = { id: '', turns: -1 };
  const { sessions, maxTurns } = sizes[size];
  for (let s = 0; s < sessions; s++) {
    const id = uuid(random);
    const start = 1_760_000_000_000n + BigInt(s) * 3_600_000n;
    const asset = newAsset(id, start);
    const count = s === 0 ? maxTurns : 1 + Math.floor(random() * random() * maxTurns);
    const turns: ConversationTurn[] = [];
    for (let t = 0; t < count; t++) {
      const assistant = t % 2 === 1;
      turns.push({
        id: uuid(random),
        timestamp_ms: start + BigInt(t) * 1000n,
        role: assistant ? 'assistant' : 'user',
        content: sentence(random, 10 + Math.floor(random() * 120)),
        tool_calls: assistant
          ? [
              {
                tool_name: 'bash',
                args: sentence(random, 4),
                result: null,
                success: random() > 0.1,
                duration_ms: 12n,
              },
            ]
          : [],
        tags: [],
        metadata: new Map(),
      });
    }
    asset.history.turns = turns;
    asset.updated_at_ms = start + BigInt(count) * 1000n;
    asset.project_context.name = sentence(random, 4);
    const text = serializeAsset(asset);
    bytes += Buffer.byteLength(text);
    if (count > largest.turns) largest = { id, turns: count };
    await writeFile(join(dir, `${id}.json`), text);
  }
  return { bytes, largest: largest.id };
}
