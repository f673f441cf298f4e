/** Builders shared by the ORCS tests: assets in code, random assets, throwaway directories. */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConversationTurn, SessionAsset, TriggerCondition } from './asset';
import { JsonNumber } from './json';
import type { JsonValue } from './json';
import { formatSerdeNumber, readSerdeNumber } from './numbers';
import { serializeAsset } from './serialize';

/** What `SessionAsset::new()` holds, with a fixed id and clock. */
export function newAsset(id: string, atMs = 1767225600000n): SessionAsset {
  return {
    id,
    version: 1,
    created_at_ms: atMs,
    updated_at_ms: atMs,
    history: { turns: [], compacted: [], max_turns: 1000n },
    preferences: {
      coding_style: {
        preferred_languages: [],
        indent: null,
        indent_size: null,
        naming_convention: null,
        comment_style: null,
      },
      communication: { verbosity: null, language: null, formality: null, include_examples: false },
      frequent_tools: [],
      custom: new Map(),
    },
    project_context: {
      root_path: null,
      name: null,
      technologies: [],
      key_files: [],
      architecture_notes: [],
      learned_facts: [],
      persistent_contexts: [],
    },
    skill_configs: new Map(),
    component_snapshots: new Map(),
    granted_commands: [],
    metadata: new Map(),
  };
}

export function userTurn(id: string, content: string, timestampMs = 1767225600000n): ConversationTurn {
  return {
    id,
    timestamp_ms: timestampMs,
    role: 'user',
    content,
    tool_calls: [],
    tags: [],
    metadata: new Map(),
  };
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'sessionscope-orcs-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Any text a Rust String can hold: every code point but lone surrogates. */
export const arbText = fc.string({ unit: 'grapheme', maxLength: 12 });
const arbAnyText = fc.oneof(
  arbText,
  fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '"', '\\', '/', '\u2028', '\u007f', 'é', '😀') }),
);

/**
 * serde_json's default parser is not correctly rounded, so some floats it writes read back as a
 * neighbour (ORCS itself drifts on those); a "the output is canonical" property holds only for
 * tokens that are stable under one more read and write.
 */
const writeToken = (token: string): string => formatSerdeNumber(readSerdeNumber(token));
const arbNumberToken = fc
  .oneof(
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => n.toString()),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? '-0.0' : String(x))),
    fc.constantFrom('1e2', '1E+2', '2.50', '0.000001', '-0', '1e-400'),
  )
  .filter((token) => writeToken(writeToken(token)) === writeToken(token));

export const arbJsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    arbAnyText,
    arbNumberToken.map((t) => new JsonNumber(t)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(arbAnyText, tie('value')), { maxLength: 4 }).map((entries) => new Map(entries)),
  ),
})).value;

const arbValueMap = fc.array(fc.tuple(arbAnyText, arbJsonValue), { maxLength: 3 }).map((e) => new Map(e));
const arbU64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

const arbTrigger: fc.Arbitrary<TriggerCondition> = fc.oneof(
  arbAnyText.map((glob) => ({ variant: 'OnFileEdit' as const, glob })),
  fc.constant({ variant: 'OnLLMPreRequest' as const }),
  fc.constant({ variant: 'OnLLMPostResponse' as const }),
  arbAnyText.map((kind) => ({ variant: 'OnEvent' as const, kind })),
  arbU64.map((seconds) => ({ variant: 'Interval' as const, seconds })),
);

const arbTurn: fc.Arbitrary<ConversationTurn> = fc.record({
  id: arbText,
  timestamp_ms: arbU64,
  role: fc.constantFrom('user', 'assistant', 'system', 'tool'),
  content: arbAnyText,
  tool_calls: fc.array(
    fc.record({
      tool_name: arbText,
      args: arbJsonValue,
      result: arbJsonValue,
      success: fc.boolean(),
      duration_ms: arbU64,
    }),
    { maxLength: 2 },
  ),
  tags: fc.array(arbAnyText, { maxLength: 2 }),
  metadata: arbValueMap,
});

/** Random assets with every kind of field populated, for serializer and rename properties. */
export const arbAsset: fc.Arbitrary<SessionAsset> = fc
  .record({
    id: fc.uuid(),
    created: arbU64,
    updated: arbU64,
    turns: fc.array(arbTurn, { maxLength: 3 }),
    name: fc.option(arbAnyText, { nil: null }),
    rootPath: fc.option(arbAnyText, { nil: null }),
    confidence: fc.float({ noNaN: true, noDefaultInfinity: true }),
    triggers: fc.array(arbTrigger, { maxLength: 5 }),
    metadata: arbValueMap,
    custom: arbValueMap,
    state: arbJsonValue,
    indentSize: fc.option(fc.integer({ min: 0, max: 255 }), { nil: null }),
  })
  .map((r) => {
    const asset = newAsset(r.id, r.created);
    asset.updated_at_ms = r.updated;
    asset.history.turns = r.turns;
    asset.project_context.name = r.name;
    asset.project_context.root_path = r.rootPath;
    asset.project_context.learned_facts = [
      {
        key: 'k',
        value: 'v',
        source: 'user',
        confidence: Math.fround(r.confidence),
        learned_at_ms: r.created,
      },
    ];
    asset.preferences.coding_style.indent_size = r.indentSize;
    asset.preferences.custom = r.custom;
    asset.metadata = r.metadata;
    asset.skill_configs.set('s', {
      skill_id: 's',
      enabled: true,
      auto_trigger: { enabled: true, triggers: r.triggers },
      params: r.custom,
    });
    asset.component_snapshots.set('builtin::hil', {
      component_fqn: 'builtin::hil',
      version: 1,
      state: r.state,
      metadata: new Map(),
    });
    asset.granted_commands = [{ pattern: 'ls', kind: 'Persistent' }];
    return asset;
  });

/** A fresh app-data directory beside an empty sessions root, as a host gets them. */
export async function orcsSandbox(): Promise<{ base: string; home: string; root: string }> {
  const base = await mkdtemp(join(tmpdir(), 'sessionscope-orcs-'));
  const root = join(base, 'sessions');
  await mkdir(root);
  return { base, home: join(base, 'app-data'), root };
}

/** One session file of these turns, named by its project as ORCS names sessions; returns its id. */
export async function writeOrcsSession(
  root: string,
  spec: { name?: string; turns: { role: string; content: string }[] },
): Promise<string> {
  const id = randomUUID();
  const asset = newAsset(id);
  asset.project_context.name = spec.name ?? null;
  asset.history.turns = spec.turns.map((turn, at) => ({
    ...userTurn(randomUUID(), turn.content, 1767225600000n + BigInt(at)),
    role: turn.role,
  }));
  await writeFile(join(root, `${id}.json`), serializeAsset(asset));
  return id;
}
