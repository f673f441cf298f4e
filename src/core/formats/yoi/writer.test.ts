import { appendFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from './entries';
import { readHeadHash } from './head';
import { restore } from './restore';
import { SOURCE_ID, chain, tempDir, vectorEntries, vectorLines, writeLog } from './testkit';
import { verifyLog } from './verify';
import { YoiWriter } from './writer';

const ID = '0196a1b2-0000-7000-8000-000000000001';
const ID2 = '0196a1b2-0000-7000-8000-000000000002';

/** A writer whose clock and ids follow a script, so its bytes can be compared with the vector's. */
function scripted(dir: string, times: number[], ids: string[] = [ID, ID2]) {
  const clock = [...times];
  const names = [...ids];
  return new YoiWriter(dir, { now: () => clock.shift() ?? 0, newId: () => names.shift() ?? 'x' });
}

const userMsg = (text: string): Item => ({
  type: 'message',
  role: 'user',
  content: [{ type: 'text', text }],
});

describe('YoiWriter', () => {
  it('writes the test vector byte for byte through the session operations', async () => {
    const dir = await tempDir();
    const w = scripted(dir, [1000, 2000, 3000, 3500, 3600, 3700, 4100, 4200]);
    const config = {
      max_tokens: 1024,
      temperature: 0.7,
      top_p: 1.0,
      top_k: null,
      stop_sequences: [],
      reasoning: 'high',
    };
    const s = await w.createSession({ systemPrompt: 'You are helpful.', config });
    await w.saveDelta(s, [userMsg('Check weather')]);
    const assistant = vectorEntries[2];
    const results = vectorEntries[3];
    if (assistant?.kind !== 'assistant_items' || results?.kind !== 'tool_results')
      throw new Error('vector changed');
    await w.saveDelta(s, assistant.items);
    await w.saveDelta(s, results.items);
    await w.saveUsage(s, {
      history_len: 3,
      input_total_tokens: 50,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      output_tokens: 10,
    });
    await w.saveExtension(s, 'memory.extract', { zeta: 1, alpha: { b: 2, a: 1 } });
    await w.saveTurnEnd(s, 1);
    await w.saveRunCompleted(s, false, 'limit_reached');
    const bytes = await readFile(join(dir, `${ID}.jsonl`), 'utf8');
    expect(bytes).toBe(vectorLines.map((l) => `${l}\n`).join(''));
    expect(s.head).toBe('f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143');
  });

  it('groups a delta as save_delta does, all with one ts', async () => {
    const dir = await tempDir();
    const w = scripted(dir, [1, 7]);
    const s = await w.createSession({ systemPrompt: null });
    const call = (id: string): Item => ({ type: 'tool_call', call_id: id, name: 'f', arguments: '{}' });
    const result = (id: string): Item => ({ type: 'tool_result', call_id: id, summary: 'ok' });
    const system: Item = { type: 'message', role: 'system', content: [{ type: 'text', text: 's' }] };
    const reply: Item = { type: 'message', role: 'assistant', content: [{ type: 'text', text: 'r' }] };
    await w.saveDelta(s, [
      userMsg('a'),
      userMsg('b'),
      { type: 'reasoning', text: 't' },
      call('1'),
      call('2'),
      result('1'),
      result('2'),
      system,
      system,
      reply,
    ]);
    const written = (await readFile(join(dir, `${ID}.jsonl`), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; ts: number; items?: unknown[] });
    expect(written.map((e) => [e.kind, e.ts, e.items?.length ?? null])).toEqual([
      ['session_start', 1, null],
      ['user_input', 7, null],
      ['user_input', 7, null],
      ['assistant_items', 7, 3],
      ['tool_results', 7, 2],
      ['hook_injected_items', 7, 1],
      ['hook_injected_items', 7, 1],
      ['assistant_items', 7, 1],
    ]);
    expect((await verifyLog(join(dir, `${ID}.jsonl`))).report).toMatchObject({
      ok: true,
      lines: 8,
      headHash: s.head,
    });
  });

  it('writes config changes and errored runs that chain and restore', async () => {
    const dir = await tempDir();
    const w = scripted(dir, [1, 2, 3]);
    const s = await w.createSession({ systemPrompt: 'p' });
    await w.saveConfigChanged(s, {
      max_tokens: 5,
      temperature: 0.2,
      top_p: null,
      top_k: 3,
      stop_sequences: ['x'],
      reasoning: 1000,
    });
    await w.saveRunErrored(s, true, 'overloaded');
    const { state } = await restore(join(dir, `${ID}.jsonl`));
    expect(state).toMatchObject({
      config: { max_tokens: 5, temperature: 0.2, top_k: 3, reasoning: 1000 },
      lastRunInterrupted: true,
      headHash: s.head,
    });
    expect(await readHeadHash(join(dir, `${ID}.jsonl`))).toBe(s.head);
  });

  it('closes a torn tail with "\\n" before appending, keeping every byte', async () => {
    const dir = await tempDir();
    const path = await writeLog(dir, SOURCE_ID, vectorLines.slice(0, 7));
    await appendFile(path, '{"hash":"torn');
    const before = await readFile(path);
    const w = scripted(dir, [4200]);
    await w.saveRunCompleted(
      { dir, id: SOURCE_ID, head: 'c168ebba487c8b3d159a9143799ba486779cfabfc54a419b90862d5be5119619' },
      false,
      'limit_reached',
    );
    const after = await readFile(path);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString()).toBe(`\n${vectorLines[7] ?? ''}\n`);
    expect((await restore(path)).state.headHash).toBe(
      'f2aca572c1b0cc7813d13e57a7f21520e5d95320957269a66503b8c10815e143',
    );
  });

  it('forks at an entry into a new file, leaving the source untouched', async () => {
    const dir = await tempDir();
    const path = await writeLog(dir, SOURCE_ID, vectorLines);
    const before = await readFile(path);
    const at = 'a5ed889fa44b135b77effccebcac6a04cc65e5809b7e6448ef454ae15a2ae638';
    const fork = await scripted(dir, [9000]).forkAt(SOURCE_ID, at);
    expect(await readFile(path)).toEqual(before);
    const expected = chain([
      {
        kind: 'session_start',
        ts: 9000,
        system_prompt: 'You are helpful.',
        config: {
          max_tokens: 1024,
          temperature: 0.7,
          top_p: 1.0,
          top_k: null,
          stop_sequences: [],
          reasoning: 'high',
        },
        history: [userMsg('Check weather')],
        forked_from: { session_id: SOURCE_ID, at_hash: at },
      },
    ]);
    expect(await readFile(join(dir, `${ID}.jsonl`), 'utf8')).toBe(`${expected.lines[0] ?? ''}\n`);
    expect(fork).toEqual({ dir, id: ID, head: expected.hashes[0] });
  });

  it('forks the whole log when the hash is not in it, as the crate does', async () => {
    const dir = await tempDir();
    await writeLog(dir, SOURCE_ID, vectorLines);
    await scripted(dir, [9000]).forkAt(SOURCE_ID, '00'.repeat(32));
    const { state } = await restore(join(dir, `${ID}.jsonl`));
    expect(state.history).toHaveLength(4);
  });

  it('makes a compacted session pointing at the source head', async () => {
    const dir = await tempDir();
    const path = await writeLog(dir, SOURCE_ID, vectorLines);
    const { state } = await restore(path);
    await scripted(dir, [9000]).createCompactedSession(
      { ...state, history: [] },
      SOURCE_ID,
      state.headHash ?? '',
    );
    const line = (await readFile(join(dir, `${ID}.jsonl`), 'utf8')).trim();
    expect(
      line.endsWith(
        `"history":[],"compacted_from":{"session_id":"${SOURCE_ID}","at_hash":"${state.headHash ?? ''}"}}`,
      ),
    ).toBe(true);
  });

  it('ensureHeadOrFork does nothing while the head matches, and forks when another writer appended', async () => {
    const dir = await tempDir();
    const w = scripted(dir, [1, 2, 3, 4]);
    const s = await w.createSession({ systemPrompt: null });
    const { state } = await restore(join(dir, `${ID}.jsonl`));
    expect(await w.ensureHeadOrFork(s, state)).toBe(false);
    const other = { ...s };
    await w.saveTurnEnd(other, 1);
    expect(await w.ensureHeadOrFork(s, state)).toBe(true);
    expect(s.id).toBe(ID2);
    expect((await readdir(dir)).sort()).toEqual([`${ID}.jsonl`, `${ID2}.jsonl`]);
    expect(await readHeadHash(join(dir, `${ID2}.jsonl`))).toBe(s.head);
  });

  it('never overwrites an existing file when creating a session', async () => {
    const dir = await tempDir();
    await writeLog(dir, ID, vectorLines);
    await expect(scripted(dir, [1]).createSession({ systemPrompt: null })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
