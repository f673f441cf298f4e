import { appendFile, copyFile, link, open } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { LineIndex } from '../../jsonl';
import { digestCached, shelveDigests } from './digest';
import type { Digest } from './digest';
import { deserializeDigest, serializeDigest } from './digest-bytes';
import type { Item, JsonValue, LogEntry } from './entries';
import { detailOf, summaryOf } from './model';
import { SOURCE_ID, chain, tempDir, vectorLines, writeLog } from './testkit';
import { readTurns } from './turn-page';
import { defaultConfig } from './entries';

const config = defaultConfig();
const callId = fc.constantFrom('a', 'b', 'c');
const text = fc.string({ maxLength: 6 });
const ts = fc.nat(100);
const message: fc.Arbitrary<Item> = fc.record({
  type: fc.constant('message' as const),
  role: fc.constantFrom('user' as const, 'assistant' as const, 'system' as const),
  content: fc.array(fc.record({ type: fc.constant('text' as const), text }), { maxLength: 2 }),
});
const toolCall: fc.Arbitrary<Item> = fc.record({
  type: fc.constant('tool_call' as const),
  call_id: callId,
  name: text,
  arguments: fc.constant('{}'),
});
const toolResult: fc.Arbitrary<Item> = fc.record({
  type: fc.constant('tool_result' as const),
  call_id: callId,
  summary: text,
});
const item = fc.oneof(message, toolCall, toolResult);
const origin = fc.option(
  fc.record({ session_id: fc.constant(SOURCE_ID), at_hash: fc.constant('ab'.repeat(32)) }),
  {
    nil: undefined,
  },
);

/** Every kind of entry, so every part of a digest has something in it. */
const entry: fc.Arbitrary<LogEntry> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('session_start' as const),
      ts,
      system_prompt: fc.option(text),
      config: fc.constant(config),
      history: fc.array(item, { maxLength: 3 }),
      forked_from: origin,
      compacted_from: origin,
    },
    { requiredKeys: ['kind', 'ts', 'system_prompt', 'config', 'history'] },
  ),
  fc.record({ kind: fc.constant('user_input' as const), ts, item }),
  fc.record({
    kind: fc.constantFrom(
      'assistant_items' as const,
      'tool_results' as const,
      'hook_injected_items' as const,
    ),
    ts,
    items: fc.array(item, { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('turn_end' as const), ts, turn_count: fc.nat(9) }),
  fc.record({
    kind: fc.constant('run_completed' as const),
    ts,
    interrupted: fc.boolean(),
    result: fc.constant('finished' as const),
  }),
  fc.record({ kind: fc.constant('run_errored' as const), ts, interrupted: fc.boolean(), message: text }),
  fc.record({
    kind: fc.constant('config_changed' as const),
    ts,
    config: fc.constant({ ...config, max_tokens: 7 }),
  }),
  fc.record({
    kind: fc.constant('llm_usage' as const),
    ts,
    history_len: fc.nat(9),
    input_total_tokens: fc.nat(9),
    cache_read_tokens: fc.nat(9),
    cache_write_tokens: fc.nat(9),
    output_tokens: fc.nat(9),
  }),
  fc.record({
    kind: fc.constant('extension' as const),
    ts,
    // Strings that look like what digest-bytes.ts writes for a -0, which the log has as -0.0.
    domain: fc.oneof(text, fc.constantFrom('\u0000-0', '\u0000\u0000x')),
    payload: fc.jsonValue({ maxDepth: 2 }).map((value) => value as JsonValue),
  }),
);

/** Lines that are not entries, or entries of an unknown kind without a ts. */
const oddLine = fc.constantFrom(
  '',
  'not json',
  `{"hash":"${'ab'.repeat(32)}","prev_hash":null,"kind":"mystery"}`,
);
const logLines = fc
  .array(fc.oneof({ weight: 6, arbitrary: entry.map((e) => ({ e })) }, { weight: 1, arbitrary: oddLine }), {
    maxLength: 30,
  })
  .map((parts) => {
    const chained = chain(parts.flatMap((p) => (typeof p === 'string' ? [] : [p.e]))).lines;
    return parts.map((p) => (typeof p === 'string' ? p : (chained.shift() ?? '')));
  });

/**
 * Everything a digest answers with: the session's summary, detail and pages of `size` turns. The
 * summary shows the file's mtime when the log has no time of its own, so a copy of the log is
 * given the facts of the file it copies.
 */
async function answers(path: string, digest: Digest, size: number, facts = digest.facts): Promise<unknown> {
  const glance = {
    id: SOURCE_ID,
    facts,
    createdAt: null,
    chain: { status: 'unchecked' as const },
  };
  const summary = summaryOf('root', { ...glance, digest });
  const handle = await open(path, 'r');
  try {
    const pages = [];
    for (let from = 0; from < digest.turnIndex.count + size; from += size)
      pages.push(await readTurns(handle, digest, from, size));
    return {
      summary,
      detail: detailOf(summary, digest, null),
      pages,
      entries: digest.entries,
      unreadable: digest.unreadable,
    };
  } finally {
    await handle.close();
  }
}

describe('a digest as bytes', () => {
  it('answers as the digest it was made from, and reads on from an append as a fresh read does', async () => {
    const dir = await tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(logLines, logLines, fc.integer({ min: 1, max: 7 }), async (before, after, size) => {
        run += 1;
        const path = await writeLog(
          dir,
          SOURCE_ID.replace(/.{4}$/, run.toString(16).padStart(4, '0')),
          before,
        );
        const fresh = await digestCached(path);
        const bytes = serializeDigest(fresh);
        const restored = deserializeDigest(bytes);
        expect(await answers(path, restored, size)).toEqual(await answers(path, fresh, size));
        expect(serializeDigest(restored)).toEqual(bytes);

        // The appended entries are chained on from nothing: a fold takes them as they come.
        await appendFile(path, after.map((line) => `${line}\n`).join(''));
        // The same file under a path no digest is cached under, so its digest comes from the bytes.
        const again = `${path}.again`;
        await link(path, again);
        let loaded: Digest | null = null;
        const stop = shelveDigests({
          load: async () => (loaded = deserializeDigest(bytes)),
          keep: () => undefined,
        });
        let resumed: Digest;
        try {
          resumed = await digestCached(again);
        } finally {
          stop();
        }
        // Read on from the stored digest, unless there was nothing to read on from.
        if (before.length > 0) expect(resumed).toBe(loaded);
        const copy = `${path}.copy`;
        await copyFile(path, copy);
        const rebuilt = await digestCached(copy);
        expect(await answers(again, resumed, size)).toEqual(
          await answers(copy, rebuilt, size, resumed.facts),
        );
      }),
      { numRuns: 120 },
    );
  });

  it('are refused when truncated, damaged, of another version or not a digest', async () => {
    const path = await writeLog(await tempDir(), SOURCE_ID, vectorLines);
    const bytes = serializeDigest(await digestCached(path));
    const refused = /^stored yoi digest is unusable: /;
    for (let length = 0; length < bytes.length; length++)
      expect(() => deserializeDigest(bytes.subarray(0, length))).toThrow(refused);
    for (let at = 0; at < bytes.length; at += 7) {
      const damaged = Uint8Array.from(bytes);
      damaged[at] = (damaged[at] ?? 0) ^ 0x10;
      expect(() => deserializeDigest(damaged)).toThrow(refused);
    }
    const later = Uint8Array.from(bytes);
    later[4] = 2;
    expect(() => deserializeDigest(later)).toThrow(/its version is 2/);
    const lineIndex = (await digestCached(path)).index.serialize();
    expect(() => deserializeDigest(lineIndex)).toThrow(/not a yoi digest/);
    expect(LineIndex.deserialize(deserializeDigest(bytes).index.serialize()).recordCount).toBe(
      vectorLines.length,
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        expect(() => deserializeDigest(garbage)).toThrow(refused);
      }),
    );
  });

  it('are refused when their checksum holds but their parts contradict each other', async () => {
    const path = await writeLog(await tempDir(), SOURCE_ID, vectorLines);
    const bytes = Buffer.from(serializeDigest(await digestCached(path)));
    /** The blob with its JSON part's text edited and its checksum made good again. */
    const edited = (from: string, to: string): Uint8Array => {
      const start = bytes.indexOf('{"state"');
      const json = bytes.subarray(start, bytes.length - 4).toString();
      expect(json).toContain(from);
      const changed = Buffer.from(json.replace(from, to));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(changed.length);
      const out = Buffer.concat([bytes.subarray(0, start - 4), length, changed, Buffer.alloc(4)]);
      out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
      return out;
    };
    expect(deserializeDigest(edited('"folded":8', '"folded":8')).entries).toBe(8);
    expect(() => deserializeDigest(edited('"folded":8', '"folded":9'))).toThrow(/folded 9 of 8 entries/);
    expect(() => deserializeDigest(edited('"next":', '"next":1'))).toThrow(/fold state/);
    expect(() => deserializeDigest(edited('"unknownEntries":0', '"unknownEntries":-1'))).toThrow(/counters/);
    expect(() => deserializeDigest(edited('"total":1', '"total":0'))).toThrow(/panel lists/);
  });
});
