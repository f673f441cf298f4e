/**
 * Writes the yoi test fixtures (fixtures/yoi/), the same bytes every run: fixed ids and
 * timestamps, no randomness. Well-formed lines are what session-store @ 2b89bb6d writes (through
 * src/core/formats/yoi's serializer, which reproduces the formats.md §3.5 test vector); damaged
 * and later-version lines are written as bytes, because the crate never writes those.
 *
 *   npx tsx scripts/make-yoi-fixtures.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Item, RequestConfig } from '../src/core/formats/yoi/entries';
import { hashEntryJson } from '../src/core/formats/yoi/hash';
import { chain, vectorLines } from '../src/core/formats/yoi/testkit';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'yoi');
const id = (n: number): string => `0196a1b2-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const T = Date.UTC(2026, 3, 28, 9, 0, 0);

/** A line for JSON the crate version here would not write (a later version's), hashed the same way. */
function rawLine(prev: string, json: string): { hash: string; line: string } {
  const hash = hashEntryJson(Buffer.from(prev, 'hex'), json).toString('hex');
  return { hash, line: `{"hash":"${hash}","prev_hash":"${prev}",${json.slice(1)}` };
}

const file = (name: string, lines: string[], tail = ''): void =>
  writeFileSync(join(out, name), lines.map((l) => `${l}\n`).join('') + tail);

const text = (t: string) => [{ type: 'text' as const, text: t }];
const user = (t: string): Item => ({ type: 'message', role: 'user', content: text(t) });
const config: RequestConfig = {
  max_tokens: 4096,
  temperature: 0.7,
  top_p: 1,
  top_k: null,
  stop_sequences: [],
  reasoning: 'medium',
};

// Everything but the hand-written README is regenerated.
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (name.endsWith('.jsonl')) rmSync(join(out, name));

// 1. The test vector, and a trace beside it.
file(`${id(1)}.jsonl`, vectorLines);
file(`${id(1)}.trace.jsonl`, [
  '{"ts":2001,"turn":0,"event":{"Status":{"status":"Started"}}}',
  '{"ts":2002,"turn":0,"event":{"BlockStart":{"index":0,"block_type":"Thinking","metadata":"Thinking"}}}',
  '{"ts":2003,"turn":0,"event":{"BlockDelta":{"index":0,"delta":{"Thinking":"think"}}}}',
  '{"ts":2004,"turn":0,"event":{"BlockStop":{"index":0,"block_type":"Thinking","stop_reason":null}}}',
  '{"ts":2005,"turn":0,"event":{"BlockStart":{"index":1,"block_type":"ToolUse","metadata":{"ToolUse":{"id":"call_1","name":"get_weather"}}}}}',
  '{"ts":2006,"turn":0,"event":{"BlockDelta":{"index":1,"delta":{"InputJson":"{\\"city\\":\\"Tokyo\\"}"}}}}',
  '{"ts":2007,"turn":0,"event":{"BlockStop":{"index":1,"block_type":"ToolUse","stop_reason":"ToolUse"}}}',
  '{"ts":2008,"turn":0,"event":{"Usage":{"input_tokens":50,"output_tokens":10,"total_tokens":60,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}}}',
  '{"ts":2009,"turn":0,"event":{"Ping":{"timestamp":null}}}',
  '{"ts":2010,"turn":0,"event":{"BlockAbort":{"index":2,"block_type":"Text","reason":"cancelled"}}}',
  '{"ts":2011,"turn":0,"event":{"Error":{"code":529,"message":"overloaded"}}}',
  '{"ts":2012,"turn":0,"event":{"Status":{"status":"Completed"}}}',
]);

// 2. A long session with every entry kind and item shape.
const rich = chain([
  {
    kind: 'session_start',
    ts: T,
    system_prompt: 'You are yoi, a careful pod. 日本語も可。',
    config,
    history: [{ type: 'message', role: 'system', content: text('[Pod scope] /work/app') }],
  },
  {
    kind: 'user_input',
    ts: T + 1000,
    item: {
      type: 'message',
      id: 'msg_u1',
      role: 'user',
      content: text('List the files, then summarise README.md 📄'),
    },
  },
  {
    kind: 'assistant_items',
    ts: T + 2000,
    items: [
      {
        type: 'reasoning',
        id: 'rs_1',
        text: '',
        summary: ['Plan: ls, then read'],
        encrypted_content: 'gAAAAB…opaque',
        status: 'completed',
      },
      { type: 'message', id: 'msg_a1', role: 'assistant', content: text('Looking.'), status: 'completed' },
      {
        type: 'tool_call',
        id: 'fc_1',
        call_id: 'call_ls',
        name: 'list_dir',
        arguments: '{"path":"."}',
        status: 'completed',
      },
      {
        type: 'tool_call',
        call_id: 'call_read',
        name: 'read_file',
        arguments: 'README.md',
        status: 'inprogress',
      },
    ],
  },
  {
    kind: 'tool_results',
    ts: T + 2600,
    items: [
      {
        type: 'tool_result',
        call_id: 'call_ls',
        summary: '3 entries',
        content: 'README.md\nsrc/\nCargo.toml',
      },
      { type: 'tool_result', call_id: 'call_read', summary: 'read 2 lines' },
    ],
  },
  {
    kind: 'hook_injected_items',
    ts: T + 2700,
    items: [{ type: 'message', role: 'system', content: text('[hook] 2 files changed since last turn') }],
  },
  {
    kind: 'llm_usage',
    ts: T + 2800,
    history_len: 8,
    input_total_tokens: 1200,
    cache_read_tokens: 1024,
    cache_write_tokens: 64,
    output_tokens: 80,
  },
  {
    kind: 'assistant_items',
    ts: T + 3000,
    items: [
      {
        type: 'message',
        id: 'msg_a2',
        role: 'assistant',
        content: [
          ...text('README says hello. '),
          { type: 'refusal', refusal: 'I will not run the installer.' },
        ],
        status: 'incomplete',
      },
    ],
  },
  { kind: 'turn_end', ts: T + 3100, turn_count: 1 },
  { kind: 'run_completed', ts: T + 3200, interrupted: false, result: 'finished' },
  {
    kind: 'extension',
    ts: T + 3300,
    domain: 'memory.extract',
    payload: { staging_id: 'stg_01', processed_through_history_len: 9, processed_through_entry: 8 },
  },
  {
    kind: 'config_changed',
    ts: T + 4000,
    config: { ...config, temperature: 1, top_p: 0.95, reasoning: 8192, stop_sequences: ['</done>'] },
  },
  { kind: 'user_input', ts: T + 5000, item: user('Now run the tests') },
  {
    kind: 'assistant_items',
    ts: T + 6000,
    items: [{ type: 'tool_call', call_id: 'call_t', name: 'shell', arguments: '{"cmd":"cargo test"}' }],
  },
  { kind: 'run_errored', ts: T + 9000, interrupted: true, message: 'interrupted by user (Ctrl-C)' },
  { kind: 'user_input', ts: T + 10000, item: user('Stop there; pause.') },
  {
    kind: 'assistant_items',
    ts: T + 11000,
    items: [{ type: 'message', role: 'assistant', content: text('Paused.') }],
  },
  { kind: 'turn_end', ts: T + 11100, turn_count: 2 },
  { kind: 'run_completed', ts: T + 11200, interrupted: false, result: 'paused' },
  { kind: 'run_completed', ts: T + 11300, interrupted: false, result: 'yielded' },
]);
file(`${id(2)}.jsonl`, rich.lines);

// 3. A fork of the vector at its second entry, as `fork_at` writes it.
const vectorSecond = 'a5ed889fa44b135b77effccebcac6a04cc65e5809b7e6448ef454ae15a2ae638';
const fork = chain([
  {
    kind: 'session_start',
    ts: T + 20000,
    system_prompt: 'You are helpful.',
    config: {
      max_tokens: 1024,
      temperature: 0.7,
      top_p: 1,
      top_k: null,
      stop_sequences: [],
      reasoning: 'high',
    },
    history: [{ type: 'message', role: 'user', content: text('Check weather') }],
    forked_from: { session_id: id(1), at_hash: vectorSecond },
  },
  {
    kind: 'assistant_items',
    ts: T + 21000,
    items: [{ type: 'message', role: 'assistant', content: text('It is sunny in Tokyo.') }],
  },
  { kind: 'turn_end', ts: T + 21100, turn_count: 1 },
]);
file(`${id(3)}.jsonl`, fork.lines);

// 4. The rich session compacted into a new one, as the pod does (a summary system message first).
file(
  `${id(4)}.jsonl`,
  chain([
    {
      kind: 'session_start',
      ts: T + 30000,
      system_prompt: 'You are yoi, a careful pod. 日本語も可。',
      config: { ...config, temperature: 1, top_p: 0.95, reasoning: 8192, stop_sequences: ['</done>'] },
      history: [
        {
          type: 'message',
          role: 'system',
          content: text('[Compacted context summary]\n\nListed files, summarised README; tests interrupted.'),
        },
        user('Stop there; pause.'),
      ],
      compacted_from: { session_id: id(2), at_hash: rich.hashes[rich.hashes.length - 1] ?? '' },
    },
  ]).lines,
);

const v = (i: number): string => vectorLines[i] ?? '';

// 5. Damage that reading survives: an unreadable line, a NUL run and a torn stub glued to records,
//    a blank line, a tampered but readable entry, a torn tail.
file(
  `${id(5)}.jsonl`,
  [
    v(0),
    v(1),
    'garbage, not JSON',
    `${'\u0000'.repeat(40)}${v(2)}`,
    `{"hash":"12${v(3)}`,
    '',
    v(4),
    v(5).replace('"zeta":1', '"zeta":2'),
    v(6),
  ],
  v(7).slice(0, 60),
);

// 6. One tampered byte ("Sunny" → "Rainy"): a bad hash on line 4.
file(
  `${id(6)}.jsonl`,
  vectorLines.map((l, i) => (i === 3 ? l.replace('Sunny', 'Rainy') : l)),
);

// 7. A missing line (the vector's third): a broken link on line 3.
file(
  `${id(7)}.jsonl`,
  vectorLines.filter((_, i) => i !== 2),
);

// 8. Lines from a later crate version: an unknown kind, an unknown item type, an unknown field.
{
  const start = chain([{ kind: 'session_start', ts: T, system_prompt: null, config, history: [] }]);
  const lines = [...start.lines];
  let prev = start.hashes[0] ?? '';
  for (const json of [
    `{"kind":"invoke","ts":${T + 1000},"trigger":"cron"}`,
    `{"kind":"hook_injected_items","ts":${T + 2000},"items":[{"type":"image","url":"file:///shot.png"}]}`,
    `{"kind":"turn_end","ts":${T + 3000},"turn_count":1,"reason":"done"}`,
  ]) {
    const next = rawLine(prev, json);
    lines.push(next.line);
    prev = next.hash;
  }
  file(`${id(8)}.jsonl`, lines);
}

// 9. An empty log (a session being created); and files the store must ignore.
file(`${id(9)}.jsonl`, []);
file('notes.jsonl', [v(0)]);
file(`${id(10).toUpperCase()}.jsonl`, [v(0)]);
