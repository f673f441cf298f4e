import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from './entries';
import { hashedLine } from './hash';
import { serializeEntry, serializeValue } from './serialize';

const zeroHashOf = (json: string): string =>
  createHash('sha256').update(Buffer.alloc(32)).update(json, 'utf8').digest('hex');

const config = {
  max_tokens: null,
  temperature: null,
  top_p: null,
  top_k: null,
  stop_sequences: [],
  reasoning: null,
};
const defaultJson =
  '{"max_tokens":null,"temperature":null,"top_p":null,"top_k":null,"stop_sequences":[],"reasoning":null}';
const ORIGIN = { session_id: '0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', at_hash: 'ab'.repeat(32) };

/** Independent golden JSON for every kind, written out by hand from the serde rules of §3.3–3.4. */
const golden: [string, LogEntry, string][] = [
  [
    'session_start with every item type, ids, statuses and both origins',
    {
      kind: 'session_start',
      ts: 1,
      system_prompt: null,
      config: {
        max_tokens: 8,
        temperature: 0.1,
        top_p: 0.95,
        top_k: 40,
        stop_sequences: ['END', '\n'],
        reasoning: 2048,
      },
      history: [
        {
          type: 'message',
          id: 'm1',
          role: 'system',
          content: [{ type: 'text', text: 'rules' }],
          status: 'completed',
        },
        {
          type: 'message',
          role: 'assistant',
          content: [{ type: 'refusal', refusal: 'no' }],
          status: 'incomplete',
        },
        { type: 'tool_call', id: 't1', call_id: 'c', name: 'ls', arguments: '{}', status: 'inprogress' },
        { type: 'tool_result', id: 'r1', call_id: 'c', summary: 'ok', content: 'a\tb' },
        {
          type: 'reasoning',
          id: 'x',
          text: '',
          summary: ['s1', 's2'],
          encrypted_content: 'ENC',
          status: 'completed',
        },
        { type: 'reasoning', text: 'plain', summary: [] },
      ],
      forked_from: ORIGIN,
      compacted_from: ORIGIN,
    },
    '{"kind":"session_start","ts":1,"system_prompt":null,"config":{"max_tokens":8,"temperature":0.1,"top_p":0.95,"top_k":40,"stop_sequences":["END","\\n"],"reasoning":2048},"history":[' +
      '{"type":"message","id":"m1","role":"system","content":[{"type":"text","text":"rules"}],"status":"completed"},' +
      '{"type":"message","role":"assistant","content":[{"type":"refusal","refusal":"no"}],"status":"incomplete"},' +
      '{"type":"tool_call","id":"t1","call_id":"c","name":"ls","arguments":"{}","status":"inprogress"},' +
      '{"type":"tool_result","id":"r1","call_id":"c","summary":"ok","content":"a\\tb"},' +
      '{"type":"reasoning","id":"x","text":"","summary":["s1","s2"],"encrypted_content":"ENC","status":"completed"},' +
      '{"type":"reasoning","text":"plain"}],' +
      `"forked_from":{"session_id":"${ORIGIN.session_id}","at_hash":"${ORIGIN.at_hash}"},` +
      `"compacted_from":{"session_id":"${ORIGIN.session_id}","at_hash":"${ORIGIN.at_hash}"}}`,
  ],
  [
    'user_input with escapes serde_json writes (and the ones it does not)',
    {
      kind: 'user_input',
      ts: 2,
      item: {
        type: 'message',
        role: 'user',
        content: [{ type: 'text', text: 'q"\\/\u0001\u007f\u2028é😀\b\f\r' }],
      },
    },
    '{"kind":"user_input","ts":2,"item":{"type":"message","role":"user","content":[{"type":"text","text":"q\\"\\\\/\\u0001\u007f\u2028é😀\\b\\f\\r"}]}}',
  ],
  [
    'assistant_items',
    { kind: 'assistant_items', ts: 3, items: [{ type: 'message', role: 'assistant', content: [] }] },
    '{"kind":"assistant_items","ts":3,"items":[{"type":"message","role":"assistant","content":[]}]}',
  ],
  [
    'tool_results',
    { kind: 'tool_results', ts: 4, items: [{ type: 'tool_result', call_id: 'c', summary: 's' }] },
    '{"kind":"tool_results","ts":4,"items":[{"type":"tool_result","call_id":"c","summary":"s"}]}',
  ],
  [
    'hook_injected_items',
    {
      kind: 'hook_injected_items',
      ts: 5,
      items: [{ type: 'message', role: 'system', content: [{ type: 'text', text: 'h' }] }],
    },
    '{"kind":"hook_injected_items","ts":5,"items":[{"type":"message","role":"system","content":[{"type":"text","text":"h"}]}]}',
  ],
  ['turn_end', { kind: 'turn_end', ts: 6, turn_count: 12 }, '{"kind":"turn_end","ts":6,"turn_count":12}'],
  [
    'run_completed',
    { kind: 'run_completed', ts: 7, interrupted: true, result: 'yielded' },
    '{"kind":"run_completed","ts":7,"interrupted":true,"result":"yielded"}',
  ],
  [
    'run_errored',
    { kind: 'run_errored', ts: 8, interrupted: false, message: 'HTTP 529' },
    '{"kind":"run_errored","ts":8,"interrupted":false,"message":"HTTP 529"}',
  ],
  [
    'config_changed with f32 digits',
    { kind: 'config_changed', ts: 9, config: { ...config, temperature: 1, top_p: 0.3, reasoning: 'xhigh' } },
    '{"kind":"config_changed","ts":9,"config":{"max_tokens":null,"temperature":1.0,"top_p":0.3,"top_k":null,"stop_sequences":[],"reasoning":"xhigh"}}',
  ],
  [
    'llm_usage',
    {
      kind: 'llm_usage',
      ts: 10,
      history_len: 0,
      input_total_tokens: 9007199254740991,
      cache_read_tokens: 1,
      cache_write_tokens: 2,
      output_tokens: 3,
    },
    '{"kind":"llm_usage","ts":10,"history_len":0,"input_total_tokens":9007199254740991,"cache_read_tokens":1,"cache_write_tokens":2,"output_tokens":3}',
  ],
  [
    'extension with nested, integer-like and non-ASCII keys',
    {
      kind: 'extension',
      ts: 11,
      domain: 'memory.extract',
      payload: {
        b: [{ z: 1, a: null }],
        '10': true,
        '2': 0.5,
        a: { Ａ: 1, '𝄞': 2, é: 3 },
        big: 18446744073709551615n,
      },
    },
    '{"kind":"extension","ts":11,"domain":"memory.extract","payload":{"10":true,"2":0.5,"a":{"é":3,"Ａ":1,"𝄞":2},"b":[{"a":null,"z":1}],"big":18446744073709551615}}',
  ],
];

describe('serializeEntry', () => {
  it.each(golden)('writes %s as serde_json does', (_name, entry, json) => {
    expect(serializeEntry(entry)).toBe(json);
  });

  it.each(golden)('hashes %s over exactly those bytes', (_name, entry, json) => {
    const { hash, line } = hashedLine(null, entry);
    expect(hash).toBe(zeroHashOf(json));
    expect(line).toBe(`{"hash":"${hash}","prev_hash":null,${json.slice(1)}`);
  });

  it('writes a default config with every null and the empty list', () => {
    expect(serializeEntry({ kind: 'config_changed', ts: 0, config })).toBe(
      `{"kind":"config_changed","ts":0,"config":${defaultJson}}`,
    );
  });

  it('formats f32 fields by their f32 value', () => {
    const entry = (temperature: number): LogEntry => ({
      kind: 'config_changed',
      ts: 0,
      config: { ...config, temperature },
    });
    const temp = (t: number): string => /"temperature":([^,]*)/.exec(serializeEntry(entry(t)))?.[1] ?? '';
    expect([0.7, 1, 0, 2.5, 1e-7, 0.1 + 0.2, 16777217, 1e20].map(temp)).toEqual([
      '0.7',
      '1.0',
      '0.0',
      '2.5',
      '1e-7',
      '0.3',
      '16777216.0',
      // serde_json >= 1.0.147 (zmij, in yoi's Cargo.lock) writes a "+" in positive exponents.
      '1e+20',
    ]);
  });

  it('refuses what serde could not write', () => {
    expect(() => serializeEntry({ kind: 'turn_end', ts: -1, turn_count: 0 })).toThrow(RangeError);
    expect(() => serializeEntry({ kind: 'user_input', ts: 0, item: { type: 'unknown', raw: {} } })).toThrow(
      TypeError,
    );
  });
});

describe('serializeValue', () => {
  it('writes floats as serde_json writes f64', () => {
    expect(serializeValue([1.5, -0.25, 1e300, 3])).toBe('[1.5,-0.25,1e+300,3]');
  });

  it('writes -0 as serde_json writes the f64 it reads `-0` as, and +0 as the integer 0', () => {
    expect(serializeValue([-0, 0, -0.0])).toBe('[-0.0,0,-0.0]');
  });

  it('writes bigint u64 and i64 values as their exact digits, and refuses wider ones', () => {
    expect(serializeValue({ max: 18446744073709551615n, min: -9223372036854775808n, small: 7n })).toBe(
      '{"max":18446744073709551615,"min":-9223372036854775808,"small":7}',
    );
    expect(() => serializeValue(18446744073709551616n)).toThrow(RangeError);
    expect(() => serializeValue(-9223372036854775809n)).toThrow(RangeError);
  });

  it('an extension payload with a bigint and a -0 hashes as its golden line', () => {
    const entry: LogEntry = {
      kind: 'extension',
      ts: 9,
      domain: 'memory.extract',
      payload: { processed_through_entry: 9007199254740993n, offset: -0 },
    };
    const json =
      '{"kind":"extension","ts":9,"domain":"memory.extract","payload":{"offset":-0.0,"processed_through_entry":9007199254740993}}';
    expect(serializeEntry(entry)).toBe(json);
    expect(hashedLine(null, entry).hash).toBe(zeroHashOf(json));
  });
});
