import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AssetShapeError, decodeAssetText, parseAsset } from './asset';
import { JsonNumber, JsonSyntaxError, MAX_DEPTH } from './json';
import { serializeAsset } from './serialize';
import { newAsset } from './testkit';

const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
const canonical = serializeAsset(newAsset('a'));

/** The canonical new-session text with one top-level member's value replaced. */
function withMember(key: string, value: string): string {
  const pattern = new RegExp(
    `\\n  "${key}": (?:\\{[\\s\\S]*?\\n  \\}|\\[[\\s\\S]*?\\n  \\]|[^\\n]*?)(,?)\\n`,
  );
  const replaced = canonical.replace(pattern, (_m, comma: string) => `\n  "${key}": ${value}${comma}\n`);
  if (replaced === canonical) throw new Error(`no member ${key}`);
  return replaced;
}

function withoutMember(key: string): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(JSON.parse(canonical) as object).filter(([k]) => k !== key)),
  );
}

describe('parseAsset: what ORCS loads', () => {
  it('reads every field of the §1.3 example', () => {
    const asset = parseAsset(golden('spec-example.json'));
    expect(asset.id).toBe('550e8400-e29b-41d4-a716-446655440000');
    expect(asset.updated_at_ms).toBe(1700000005000n);
    expect(asset.history.turns[0]?.tool_calls[0]?.args).toEqual(new Map([['path', 'a']]));
    expect(asset.project_context.learned_facts[0]?.confidence).toBe(1);
    expect(asset.skill_configs.get('lint')?.auto_trigger.triggers).toEqual([
      { variant: 'OnFileEdit', glob: '*.rs' },
      { variant: 'OnLLMPreRequest' },
      { variant: 'Interval', seconds: 60n },
    ]);
    expect(asset.granted_commands).toEqual([{ pattern: 'ls', kind: 'OneTime' }]);
  });

  it("accepts the loader test's backward-compatible shape (formats.md §1.3)", () => {
    const asset = parseAsset(golden('backcompat.input.json'));
    expect(asset.granted_commands).toEqual([]);
    expect(asset.project_context.root_path).toBeNull();
    expect(asset.project_context.name).toBeNull();
    expect(asset.preferences.coding_style.indent).toBeNull();
    expect(asset.preferences.communication.include_examples).toBe(false);
  });

  it('defaults component_snapshots, granted_commands and max_turns when missing', () => {
    const text = withoutMember('component_snapshots')
      .replace('"granted_commands":[],', '')
      .replace(',"max_turns":1000', '');
    expect(text).not.toContain('granted_commands');
    expect(text).not.toContain('max_turns');
    const asset = parseAsset(text);
    expect(asset.component_snapshots.size).toBe(0);
    expect(asset.granted_commands).toEqual([]);
    expect(asset.history.max_turns).toBe(1000n);
  });

  it('reads all five trigger variants, the `{"Variant": null}` unit form, and keeps unknown ones raw', () => {
    const asset = parseAsset(golden('every-trigger.json'));
    expect(asset.skill_configs.get('lint')?.auto_trigger.triggers.map((t) => t.variant)).toEqual([
      'OnFileEdit',
      'OnLLMPreRequest',
      'OnLLMPostResponse',
      'OnEvent',
      'Interval',
    ]);
    const unusual = parseAsset(golden('unknown-fields.json')).skill_configs.get('cron')?.auto_trigger
      .triggers;
    expect(unusual?.map((t) => t.variant)).toEqual(['raw', 'raw']);
    const nullUnit = withMember(
      'skill_configs',
      '{"s":{"skill_id":"s","enabled":true,"auto_trigger":{"enabled":true,"triggers":[{"OnLLMPostResponse":null}]},"params":{}}}',
    );
    expect(parseAsset(nullUnit).skill_configs.get('s')?.auto_trigger.triggers).toEqual([
      { variant: 'OnLLMPostResponse' },
    ]);
  });

  it('keeps members it does not know, in order, at every level', () => {
    const asset = parseAsset(golden('unknown-fields.json'));
    expect(asset.extra?.map(([k]) => k)).toEqual(['sync']);
    expect(asset.history.extra?.map(([k]) => k)).toEqual(['summary_model']);
    expect(asset.history.turns[0]?.extra?.[0]?.[0]).toBe('usage');
    expect(asset.project_context.extra).toEqual([['vcs', 'git']]);
    expect(asset.granted_commands[0]?.kind).toBe('UntilExit');
  });

  it('accepts whitespace around the document, as serde_json does', () => {
    expect(parseAsset(` \n\t${canonical}\r\n `).id).toBe('a');
  });

  it('keeps HashMap members in file order, integer-like keys included', () => {
    const asset = parseAsset(withMember('metadata', '{"b":1,"2":2,"a":3,"1":4}'));
    expect([...asset.metadata.keys()]).toEqual(['b', '2', 'a', '1']);
    expect(asset.metadata.get('2')).toEqual(new JsonNumber('2'));
  });

  it('takes the last of two equal keys in a map, as serde does', () => {
    expect(parseAsset(withMember('metadata', '{"k":1,"k":2}')).metadata.get('k')).toEqual(
      new JsonNumber('2'),
    );
  });
});

describe('parseAsset: what ORCS refuses', () => {
  const shape = (text: string, message: RegExp): void => {
    expect(() => parseAsset(text)).toThrow(AssetShapeError);
    expect(() => parseAsset(text)).toThrow(message);
  };
  const syntax = (text: string, message: RegExp): void => {
    expect(() => parseAsset(text)).toThrow(JsonSyntaxError);
    expect(() => parseAsset(text)).toThrow(message);
  };

  it.each([
    ['', /EOF while parsing a value at line 1/],
    ['   ', /EOF while parsing a value/],
    ['{', /EOF while parsing an object/],
    [canonical.slice(0, 200), /EOF while parsing/],
    ['not json', /expected value at line 1, column 1/],
    [`${canonical}x`, /trailing characters/],
    [`${canonical}{}`, /trailing characters/],
    ['{"a":1,}', /trailing comma/],
    ['[1,]', /trailing comma/],
    ['{"a" 1}', /expected `:`/],
    ['{a:1}', /key must be a string/],
    ['{"a":01}', /invalid number/],
    ['{"a":1.}', /invalid number/],
    ['{"a":-}', /invalid number/],
    ['{"a":.5}', /expected value/],
    ['{"a":NaN}', /expected value/],
    ['{"a":"\u0001"}', /control character/],
    ['{"a":"\\x"}', /invalid escape/],
    ['{"a":"\\ud800"}', /surrogate/],
    ['{"a":"\\udc00"}', /surrogate/],
    ['{"a":"\\ud800\\u0041"}', /surrogate/],
    ["{'a':1}", /key must be a string/],
    ['{"a":1} // comment', /trailing characters/],
  ])('%j is not JSON serde_json reads', (text, message) => syntax(text, message));

  it('stops at the nesting depth serde_json stops at', () => {
    const nest = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => parseAsset(withMember('metadata', `{"deep":${nest(MAX_DEPTH - 2)}}`))).not.toThrow();
    syntax(withMember('metadata', `{"deep":${nest(MAX_DEPTH - 1)}}`), /recursion limit exceeded/);
  });

  it.each([
    ['[]', /expected struct SessionAsset, found an array/],
    ['{}', /missing field `id`/],
    ['null', /expected struct SessionAsset, found null/],
    [withoutMember('history'), /missing field `history`/],
    [withoutMember('metadata'), /missing field `metadata`/],
    [withoutMember('skill_configs'), /missing field `skill_configs`/],
    [withMember('id', '7'), /^id: expected a string, found number `7`/],
    [withMember('version', '-1'), /version: expected u32/],
    [withMember('version', '4294967296'), /version: expected u32/],
    [withMember('created_at_ms', '1.0'), /created_at_ms: expected u64, found number `1.0`/],
    [withMember('created_at_ms', '1e3'), /created_at_ms: expected u64/],
    [withMember('updated_at_ms', '18446744073709551616'), /updated_at_ms: expected u64/],
    [withMember('updated_at_ms', '"1700000000000"'), /updated_at_ms: expected u64, found a string/],
    [
      withMember('history', '{"turns":[],"compacted":[],"max_turns":null}'),
      /history.max_turns: expected usize/,
    ],
    [withMember('history', '{"turns":{},"compacted":[]}'), /history.turns: expected a sequence/],
    [withMember('history', '{"turns":[{}],"compacted":[]}'), /history.turns\[0\]: missing field `id`/],
    [
      withMember(
        'history',
        '{"turns":[{"id":"t","timestamp_ms":1,"role":"user","content":"c","tool_calls":[{"tool_name":"x","args":{},"success":"yes","duration_ms":1}],"tags":[],"metadata":{}}],"compacted":[]}',
      ),
      /history.turns\[0\].tool_calls\[0\].success: expected a boolean, found a string/,
    ],
    [withMember('metadata', '{"x":1e400}'), /metadata\["x"\]: number out of range/],
    [withMember('metadata', '[]'), /metadata: expected a map, found an array/],
    [withMember('granted_commands', '[{"pattern":"ls"}]'), /granted_commands\[0\]: missing field `kind`/],
    [`{"id":"a","id":"b"${canonical.slice(canonical.indexOf(','))}`, /duplicate field `id`/],
  ])('refuses a wrong shape (%#)', (text, message) => shape(text, message));

  it('refuses a u8 indent_size above 255 and a confidence that is not a number', () => {
    const prefs = (indentSize: string): string =>
      withMember(
        'preferences',
        `{"coding_style":{"preferred_languages":[],"indent_size":${indentSize}},"communication":{},"frequent_tools":[],"custom":{}}`,
      );
    expect(parseAsset(prefs('255')).preferences.coding_style.indent_size).toBe(255);
    shape(prefs('256'), /preferences.coding_style.indent_size: expected u8/);
  });
});

describe('decodeAssetText', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('refuses what read_to_string or serde_json would refuse before parsing', () => {
    expect(() => decodeAssetText(new Uint8Array())).toThrow('the file is empty');
    expect(() => decodeAssetText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(canonical)]))).toThrow(
      'byte-order mark',
    );
    expect(() => decodeAssetText(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow('not valid UTF-8');
    expect(() => decodeAssetText(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]))).toThrow('not valid UTF-8');
  });

  it('decodes UTF-8 text unchanged', () => {
    expect(decodeAssetText(bytes('{"k":"日本語 🎉"}'))).toBe('{"k":"日本語 🎉"}');
  });
});
