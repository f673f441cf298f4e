import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsset } from './asset';
import { JsonNumber } from './json';
import { compareCodePoints, serializeAsset } from './serialize';
import { arbAsset, newAsset, userTurn } from './testkit';

/** Goldens are written by hand from formats.md §1.3, never by this serializer. */
const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');

describe('serializeAsset against hand-written goldens', () => {
  it.each([
    'spec-example.json',
    'new-session.json',
    'every-trigger.json',
    'grants-and-snapshots.json',
    'strings.json',
    'confidence.json',
    'values.json',
    'backcompat.json',
    'unknown-fields.json',
  ])('%s: parse → serialize gives back the same bytes', (name) => {
    const text = golden(name);
    expect(serializeAsset(parseAsset(text))).toBe(text);
  });

  it.each([
    ['values.input.json', 'values.json'],
    ['backcompat.input.json', 'backcompat.json'],
  ])('%s is written as serde would write it (%s)', (input, expected) => {
    expect(serializeAsset(parseAsset(golden(input)))).toBe(golden(expected));
  });

  it('writes SessionAsset::new() exactly', () => {
    const asset = newAsset('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(serializeAsset(asset)).toBe(golden('new-session.json'));
  });

  it('writes the formats.md §1.3 example exactly', () => {
    const asset = newAsset('550e8400-e29b-41d4-a716-446655440000', 1700000000000n);
    asset.updated_at_ms = 1700000005000n;
    asset.history.turns = [
      {
        ...userTurn('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'hi', 1700000001000n),
        tool_calls: [
          { tool_name: 'read', args: new Map([['path', 'a']]), result: null, success: true, duration_ms: 3n },
        ],
      },
    ];
    asset.project_context.root_path = '/p';
    asset.project_context.name = 'p';
    asset.project_context.learned_facts = [
      { key: 'db', value: 'pg', source: 'user', confidence: 1, learned_at_ms: 1n },
    ];
    asset.skill_configs.set('lint', {
      skill_id: 'lint',
      enabled: true,
      auto_trigger: {
        enabled: true,
        triggers: [
          { variant: 'OnFileEdit', glob: '*.rs' },
          { variant: 'OnLLMPreRequest' },
          { variant: 'Interval', seconds: 60n },
        ],
      },
      params: new Map(),
    });
    asset.granted_commands = [{ pattern: 'ls', kind: 'OneTime' }];
    expect(serializeAsset(asset)).toBe(golden('spec-example.json'));
  });

  it('escapes strings as serde_json does: C0 controls, quotes, backslashes; "/" and non-ASCII raw', () => {
    const asset = newAsset('strings', 0n);
    asset.history.turns = [
      {
        ...userTurn(
          't1',
          '"quoted" back\\slash /etc/hosts tab\tline\nnext\r\nbell\u0007 bs\b ff\f esc\u001b nul\u0000 us\u001f' +
            '\u007f del é 日本語 مرحبا 🎉\u2028\u2029\ufeff',
          0n,
        ),
        tags: ['ünïcödé', '</script>'],
      },
    ];
    asset.project_context.root_path = 'C:\\Users\\dev\\proj';
    asset.project_context.name = 'プロジェクト 🚀';
    expect(serializeAsset(asset)).toBe(golden('strings.json'));
  });

  it('sorts Value keys by UTF-8 bytes, not by UTF-16 units', () => {
    const asset = newAsset('sort', 0n);
    asset.metadata.set(
      'k',
      new Map<string, null>([
        ['😀', null],
        ['\uffff', null],
        ['a', null],
      ]),
    );
    const text = serializeAsset(asset);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"\uffff"'));
    expect(text.indexOf('"\uffff"')).toBeLessThan(text.indexOf('"😀"'));
    expect(['😀', '\uffff', 'b', 'a', 'é'].sort(compareCodePoints)).toEqual(['a', 'b', 'é', '\uffff', '😀']);
  });

  it('keeps HashMap order as found (ORCS writes those in random order)', () => {
    const asset = newAsset('order', 0n);
    asset.metadata = new Map([
      ['2', new JsonNumber('2')],
      ['1', new JsonNumber('1')],
    ]);
    expect(serializeAsset(asset)).toContain('"metadata": {\n    "2": 2,\n    "1": 1\n  }');
  });
});

describe('serializeAsset properties', () => {
  it('always writes valid JSON with no final newline that reads back to the same asset', () => {
    fc.assert(
      fc.property(arbAsset, (asset) => {
        const text = serializeAsset(asset);
        expect(() => JSON.parse(text) as unknown).not.toThrow();
        expect(text.endsWith('}')).toBe(true);
        // Reading what we wrote and writing it again changes nothing: the output is canonical.
        expect(serializeAsset(parseAsset(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
