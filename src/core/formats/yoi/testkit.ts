/**
 * Test material: the test vector of formats.md §3.5 (computed by a Rust harness over the crate's
 * types: the entries as typed values and the exact lines the crate writes for them), and helpers
 * that make logs in temporary directories.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry } from './entries';
import { hashedLine } from './hash';

export const vectorEntries: LogEntry[] = [
  {
    kind: 'session_start',
    ts: 1000,
    system_prompt: 'You are helpful.',
    config: {
      max_tokens: 1024,
      temperature: 0.7,
      top_p: 1.0,
      top_k: null,
      stop_sequences: [],
      reasoning: 'high',
    },
    history: [],
  },
  {
    kind: 'user_input',
    ts: 2000,
    item: { type: 'message', role: 'user', content: [{ type: 'text', text: 'Check weather' }] },
  },
  {
    kind: 'assistant_items',
    ts: 3000,
    items: [
      { type: 'reasoning', text: 'think', status: 'inprogress' },
      { type: 'tool_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Tokyo"}' },
    ],
  },
  {
    kind: 'tool_results',
    ts: 3500,
    items: [{ type: 'tool_result', call_id: 'call_1', summary: 'Sunny, 25C' }],
  },
  {
    kind: 'llm_usage',
    ts: 3600,
    history_len: 3,
    input_total_tokens: 50,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    output_tokens: 10,
  },
  { kind: 'extension', ts: 3700, domain: 'memory.extract', payload: { zeta: 1, alpha: { b: 2, a: 1 } } },
  { kind: 'turn_end', ts: 4100, turn_count: 1 },
  { kind: 'run_completed', ts: 4200, interrupted: false, result: 'limit_reached' },
];

export const vectorLines = [
  '{"hash":"11cb9bdc9780ab89dbcb223ce494b307bdf9219bc84c66350c9e2cdadf373531","prev_hash":null,"kind":"session_start","ts":1000,"system_prompt":"You are helpful.","config":{"max_tokens":1024,"temperature":0.7,"top_p":1.0,"top_k":null,"stop_sequences":[],"reasoning":"high"},"history":[]}',
  '{"hash":"a5ed889fa44b135b77effccebcac6a04cc65e5809b7e6448ef454ae15a2ae638","prev_hash":"11cb9bdc9780ab89dbcb223ce494b307bdf9219bc84c66350c9e2cdadf373531","kind":"user_input","ts":2000,"item":{"type":"message","role":"user","content":[{"type":"text","text":"Check weather"}]}}',
  '{"hash":"6be26fae88633e564a0506d34a62bf30977f9304c791eb92cfa62d209bbb67a8","prev_hash":"a5ed889fa44b135b77effccebcac6a04cc65e5809b7e6448ef454ae15a2ae638","kind":"assistant_items","ts":3000,"items":[{"type":"reasoning","text":"think","status":"inprogress"},{"type":"tool_call","call_id":"call_1","name":"get_weather","arguments":"{\\"city\\":\\"Tokyo\\"}"}]}',
  '{"hash":"9222db29502532ef99a97a73ad7efd15c5e0f7d063397dbbed7f2b4086d09b1d","prev_hash":"6be26fae88633e564a0506d34a62bf30977f9304c791eb92cfa62d209bbb67a8","kind":"tool_results","ts":3500,"items":[{"type":"tool_result","call_id":"call_1","summary":"Sunny, 25C"}]}',
  '{"hash":"21ba70eb2bc710c40eb310059f6471f02fc2930c674a15b31490a66f65b08635","prev_hash":"9222db29502532ef99a97a73ad7efd15c5e0f7d063397dbbed7f2b4086d09b1d","kind":"llm_usage","ts":3600,"history_len":3,"input_total_tokens":50,"cache_read_tokens":0,"cache_write_tokens":0,"output_tokens":10}',
  '{"hash":"fc10f8cc5c5be165c71b858d0ec82457af1966a6276a71bb227980dbcb1a933c","prev_hash":"21ba70eb2bc710c40eb310059f6471f02fc2930c674a15b31490a66f65b08635","kind":"extension","ts":3700,"domain":"memory.extract","payload":{"alpha":{"a":1,"b":2},"zeta":1}}',
  '{"hash":"c168ebba487c8b3d159a9143799ba486779cfabfc54a419b90862d5be5119619","prev_hash":"fc10f8cc5c5be165c71b858d0ec82457af1966a6276a71bb227980dbcb1a933c","kind":"turn_end","ts":4100,"turn_count":1}',
  '{"hash":"f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143","prev_hash":"c168ebba487c8b3d159a9143799ba486779cfabfc54a419b90862d5be5119619","kind":"run_completed","ts":4200,"interrupted":false,"result":"limit_reached"}',
];

/** Lines the crate would write for `entries`, chained from the first. */
export function chain(entries: LogEntry[]): { lines: string[]; hashes: string[] } {
  let prev: string | null = null;
  const lines: string[] = [];
  const hashes: string[] = [];
  for (const entry of entries) {
    const { hash, line } = hashedLine(prev, entry);
    lines.push(line);
    hashes.push(hash);
    prev = hash;
  }
  return { lines, hashes };
}

export async function tempDir(parent = tmpdir()): Promise<string> {
  return mkdtemp(join(parent, 'yoi-'));
}

export const SOURCE_ID = '0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** A log made of `lines` (each followed by "\n") in `dir`, returning its path. */
export async function writeLog(dir: string, id: string, lines: string[], tail = ''): Promise<string> {
  const path = join(dir, `${id}.jsonl`);
  await writeFile(path, lines.map((l) => `${l}\n`).join('') + tail);
  return path;
}
