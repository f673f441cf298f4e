/**
 * ZeroClaw sessions: `<key>.jsonl` files of `{"role":..,"content":..}` lines, exactly the line
 * ZeroClaw's `append` writes (the testkit's `line`). ZeroClaw persists no tool calls; assistant
 * lines carry the delivered text, older ones prefixed `[Used tools: …]` (formats.md §2.1).
 */
import { join } from 'node:path';
import { line } from '../src/core/formats/zeroclaw/testkit';
import type { Random } from './random';
import { FileSink } from './sink';
import type { TextPool } from './text';

const CHANNELS = ['telegram', 'discord', 'slack', 'cli', 'matrix'];

/** A session key as the channel orchestrator builds them, already in its sanitised file form. */
export function zeroclawKey(random: Random, n: number): string {
  return `${random.pick(CHANNELS)}_${100_000 + n}_${random.hex(6)}`;
}

/** Writes one session of about `targetBytes`, and returns its path and size. */
export async function writeZeroclawSession(
  dir: string,
  key: string,
  random: Random,
  pool: TextPool,
  targetBytes: number,
): Promise<{ path: string; bytes: number }> {
  const path = join(dir, `${key}.jsonl`);
  const sink = await FileSink.create(path);
  let written = 0;
  while (written < targetBytes) {
    const user = line('user', pool.user(random));
    let reply = pool.assistant(random);
    if (random.chance(0.3)) {
      const tools = [pool.tool(random), pool.tool(random)];
      reply = `[Used tools: ${tools.map((t) => t.name).join(', ')}]\n${tools[0]?.output ?? ''}\n\n${reply}`;
    }
    const assistant = line('assistant', reply);
    written += user.length + assistant.length;
    await sink.write(user);
    await sink.write(assistant);
  }
  return { path, bytes: await sink.close() };
}
