import { describe, expect, it } from 'vitest';
import { chain, SOURCE_ID, tempDir, vectorEntries, vectorLines, writeLog } from './testkit';
import { restore } from './restore';
import { digestLog } from './digest';

describe('restore (collect_state)', () => {
  it('folds the test vector as the crate does', async () => {
    const { state, scan, found } = await restore(await writeLog(await tempDir(), SOURCE_ID, vectorLines));
    expect(found).toBe(false);
    expect(scan.unreadable).toEqual([]);
    expect(state).toEqual({
      systemPrompt: 'You are helpful.',
      config: {
        max_tokens: 1024,
        temperature: 0.7,
        top_p: 1,
        top_k: null,
        stop_sequences: [],
        reasoning: 'high',
      },
      history: [
        { type: 'message', role: 'user', content: [{ type: 'text', text: 'Check weather' }] },
        { type: 'reasoning', text: 'think', status: 'inprogress' },
        { type: 'tool_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Tokyo"}' },
        { type: 'tool_result', call_id: 'call_1', summary: 'Sunny, 25C' },
      ],
      turnCount: 1,
      lastRunInterrupted: false,
      headHash: 'f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143',
      usageHistory: [
        {
          history_len: 3,
          input_total_tokens: 50,
          cache_read_tokens: 0,
          cache_write_tokens: 0,
          output_tokens: 10,
        },
      ],
      extensions: [{ domain: 'memory.extract', payload: { alpha: { a: 1, b: 2 }, zeta: 1 } }],
    });
  });

  it('stops after the entry with the given hash', async () => {
    const path = await writeLog(await tempDir(), SOURCE_ID, vectorLines);
    const { state, found } = await restore(
      path,
      '9222db29502532ef99a97a73ad7efd15c5e0f7d063397dbbed7f2b4086d09b1d',
    );
    expect(found).toBe(true);
    expect(state.history).toHaveLength(4);
    expect(state.turnCount).toBe(0);
    expect(state.headHash).toBe('9222db29502532ef99a97a73ad7efd15c5e0f7d063397dbbed7f2b4086d09b1d');
  });

  it('reads past unreadable lines, a glued torn stub, NULs and a torn tail, reporting each by number', async () => {
    const [l0 = '', l1 = '', l2 = '', l3 = '', l4 = '', l5 = '', l6 = '', l7 = ''] = vectorLines;
    const lines = [
      l0,
      'not json',
      `{"hash":"ab","kin${l1}`,
      l2,
      `\u0000\u0000${l3}`,
      '',
      l4,
      '{"hash":1}',
      l5,
      l6,
    ];
    const { state, scan } = await restore(await writeLog(await tempDir(), SOURCE_ID, lines, l7.slice(0, 50)));
    expect(scan.unreadable.map((b) => [b.number, b.terminated])).toEqual([
      [2, true],
      [8, true],
      [11, false],
    ]);
    expect(scan.unreadable[2]?.reason).toMatch(/^torn last line/);
    expect(state.history).toHaveLength(4);
    expect(state.turnCount).toBe(1);
    expect(state.headHash).toBe('c168ebba487c8b3d159a9143799ba486779cfabfc54a419b90862d5be5119619');
  });

  it('keeps unknown kinds and item types, and the unknown fields of known ones', async () => {
    const { lines } = chain(vectorEntries.slice(0, 1));
    const later = (kind: string, extra: string): string =>
      `{"hash":"${'cd'.repeat(32)}","prev_hash":"${'ef'.repeat(32)}","kind":"${kind}","ts":5000${extra}}`;
    lines.push(later('invoke', ',"trigger":"cron"'));
    lines.push(later('hook_injected_items', ',"items":[{"type":"image","url":"x"}]'));
    lines.push(later('turn_end', ',"turn_count":2,"reason":"done"'));
    const path = await writeLog(await tempDir(), SOURCE_ID, lines);
    const { state, unknown } = await restore(path);
    expect(unknown).toBe(2);
    expect(state.history).toEqual([{ type: 'unknown', raw: { type: 'image', url: 'x' } }]);
    const digest = await digestLog(path);
    expect(digest.unknownEntries).toBe(1);
    expect(digest.turns.map((t) => [t.notice, t.text, t.tags])).toEqual([
      [true, 'Unknown entry: {"kind":"invoke","ts":5000,"trigger":"cron"}', ['unknown']],
      [true, 'Unknown item: {"type":"image","url":"x"}', ['hook', 'unknown']],
      [true, 'Turn 2 ended', []],
    ]);
    expect(digest.turns[2]?.metadata.extraFields).toEqual({ reason: 'done' });
  });
});

describe('turns', () => {
  it('pairs tool calls with results, folds reasoning into the assistant turn and marks notices', async () => {
    const entries = [
      ...vectorEntries,
      {
        kind: 'hook_injected_items' as const,
        ts: 4300,
        items: [
          {
            type: 'message' as const,
            role: 'system' as const,
            content: [{ type: 'text' as const, text: 'hook says' }],
          },
        ],
      },
      {
        kind: 'config_changed' as const,
        ts: 4400,
        config: {
          max_tokens: null,
          temperature: 1,
          top_p: null,
          top_k: null,
          stop_sequences: [],
          reasoning: null,
        },
      },
      { kind: 'run_errored' as const, ts: 4500, interrupted: true, message: 'boom' },
    ];
    const { lines, hashes } = chain(entries);
    const { turns } = await digestLog(await writeLog(await tempDir(), SOURCE_ID, lines));
    expect(turns.map((t) => [t.role, t.notice, t.text, t.tags])).toEqual([
      ['user', false, 'Check weather', []],
      ['assistant', false, '', []],
      ['system', true, 'Turn 1 ended', []],
      ['system', true, 'Run completed: limit_reached', []],
      ['system', false, 'hook says', ['hook']],
      [
        'system',
        true,
        'Config changed: max_tokens=null, temperature=1, top_p=null, top_k=null, stop_sequences=[], reasoning=null',
        [],
      ],
      ['system', true, 'Run errored (interrupted): boom', []],
    ]);
    const assistant = turns[1];
    expect(assistant?.toolCalls).toEqual([
      {
        name: 'get_weather',
        arguments: { city: 'Tokyo' },
        result: 'Sunny, 25C',
        success: null,
        durationMs: 500,
      },
    ]);
    expect(assistant?.metadata.reasoning).toEqual([
      { text: 'think', summary: [], encrypted: false, status: 'inprogress' },
    ]);
    expect(assistant?.metadata.line).toBe(3);
    expect(assistant?.metadata.hash).toBe(hashes[2]);
    // The result on line 4 is shown in this turn, so the turn ends there.
    expect(assistant?.metadata.endLine).toBe(4);
    expect(assistant?.metadata.endHash).toBe(hashes[3]);
    expect(turns[0]?.metadata.endHash).toBeUndefined();
    expect(turns[2]?.metadata).toMatchObject({ line: 7, hash: hashes[6] });
    expect(assistant?.time).toBe('1970-01-01T00:00:03.000Z');
    expect(turns.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
