/**
 * ORCS sessions: one pretty-printed JSON document per session, written by the app's serde-
 * compatible `serializeAsset` over a `newAsset` (what `SessionAsset::new()` holds), so the files
 * are byte for byte what ORCS saves. ORCS keeps tool calls on the assistant's turn, with their
 * arguments and results as JSON values.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConversationTurn } from '../src/core/formats/orcs/asset';
import { JsonNumber } from '../src/core/formats/orcs/json';
import type { JsonValue } from '../src/core/formats/orcs/json';
import { serializeAsset } from '../src/core/formats/orcs/serialize';
import { newAsset } from '../src/core/formats/orcs/testkit';
import type { Random } from './random';
import type { TextPool, ToolUse } from './text';

const TECHNOLOGIES = ['typescript', 'rust', 'electron', 'react', 'sqlite', 'python', 'docker'];

function toolRecord(tool: ToolUse): ConversationTurn['tool_calls'][number] {
  const result: JsonValue = new Map<string, JsonValue>([
    ['output', tool.output],
    ['exit_code', new JsonNumber(tool.success ? '0' : '1')],
  ]);
  return {
    tool_name: tool.name,
    args: new Map<string, JsonValue>(Object.entries(tool.args)),
    result,
    success: tool.success,
    duration_ms: BigInt(tool.durationMs),
  };
}

/** Writes one session of about `targetBytes`, and returns its path and size. */
export async function writeOrcsSession(
  dir: string,
  random: Random,
  pool: TextPool,
  startMs: number,
  targetBytes: number,
): Promise<{ path: string; bytes: number }> {
  const id = random.uuid();
  const start = BigInt(startMs);
  const asset = newAsset(id, start);
  let estimate = 2000;
  let t = 0;
  for (; estimate < targetBytes; t++) {
    const assistant = t % 2 === 1;
    const content = assistant ? pool.assistant(random) : pool.user(random);
    const tools = assistant ? Array.from({ length: random.int(3) }, () => pool.tool(random)) : [];
    // Pretty-printing indents every field of a turn: about 250 bytes besides the text.
    estimate += 250 + content.length + tools.reduce((sum, tool) => sum + 200 + tool.output.length, 0);
    asset.history.turns.push({
      id: random.uuid(),
      timestamp_ms: start + BigInt(t) * 45_000n,
      role: assistant ? 'assistant' : 'user',
      content,
      tool_calls: tools.map(toolRecord),
      tags: [],
      metadata: new Map(),
    });
  }
  asset.updated_at_ms = start + BigInt(t) * 45_000n;
  asset.project_context.name = pool.title(random);
  asset.project_context.root_path = `/home/dev/projects/${random.hex(6)}`;
  asset.project_context.technologies = [random.pick(TECHNOLOGIES), random.pick(TECHNOLOGIES)];
  const text = serializeAsset(asset);
  const path = join(dir, `${id}.json`);
  await writeFile(path, text, { flag: 'wx' });
  return { path, bytes: Buffer.byteLength(text) };
}
