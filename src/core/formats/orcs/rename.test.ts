import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsset } from './asset';
import { renameText } from './rename';
import { serializeAsset } from './serialize';
import { arbAsset, arbText } from './testkit';

const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
const NOW = 1767300000123n;

/** Where a value sits in the text: [start, end). */
function span(text: string, path: (string | number)[]): [number, number] {
  const node = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, path);
  if (!node) throw new Error(`no ${path.join('.')}`);
  return [node.offset, node.offset + node.length];
}

/** The text with the two values a rename may touch cut out, for comparing everything else. */
function outsideRenameSpans(text: string): string[] {
  const [u0, u1] = span(text, ['updated_at_ms']);
  const [n0, n1] = span(text, ['project_context', 'name']);
  return [text.slice(0, u0), text.slice(u1, n0), text.slice(n1)];
}

describe('renameText', () => {
  it('changes only the name and updated_at_ms values when a name exists', () => {
    const before = golden('spec-example.json');
    const after = renameText(before, 'Payments API', NOW);
    expect(outsideRenameSpans(after)).toEqual(outsideRenameSpans(before));
    expect(after).toContain('"updated_at_ms": 1767300000123,');
    expect(after).toContain('"name": "Payments API",');
    expect(serializeAsset(parseAsset(after))).toBe(after);
  });

  it('replaces a null name in place', () => {
    const before = golden('grants-and-snapshots.json');
    const after = renameText(before, 'x', NOW);
    expect(outsideRenameSpans(after)).toEqual(outsideRenameSpans(before));
    expect(parseAsset(after).project_context.name).toBe('x');
  });

  it('inserts a missing name right after root_path, laid out like its neighbours', () => {
    const before = golden('spec-example.json').replace('\n    "name": "p",', '');
    const after = renameText(before, 'p', 1700000005000n);
    expect(after).toBe(golden('spec-example.json'));
  });

  it('inserts a missing name first when root_path is missing too (backward-compatible shape)', () => {
    const before = golden('backcompat.input.json');
    const after = renameText(before, 'Old session', NOW);
    expect(after).toContain(
      '"project_context": {\n                "name": "Old session",\n                "technologies": [],',
    );
    expect(
      after
        .replace('\n                "name": "Old session",', '')
        .replace('"updated_at_ms": 1767300000123', '"updated_at_ms": 0'),
    ).toBe(before);
  });

  it('inserts into a compact file without adding whitespace', () => {
    const before = JSON.stringify(JSON.parse(golden('backcompat.json')) as unknown).replace(
      '"name":null,',
      '',
    );
    const after = renameText(before, 'n', NOW);
    expect(after).toContain('"root_path":null,"name":"n","technologies"');
    expect(parseAsset(after).project_context.name).toBe('n');
  });

  it('keeps unknown fields, odd number spellings and key order byte for byte', () => {
    const before = golden('unknown-fields.json');
    const after = renameText(before, 'renamed', NOW);
    expect(outsideRenameSpans(after)).toEqual(outsideRenameSpans(before));
    expect(after).toContain('"cost": 1E-3');
    expect(after).toContain('"jitter": 1.50');
  });

  it('escapes the name as serde_json would', () => {
    const after = renameText(golden('spec-example.json'), 'a "b" \\ c\n\u0001 / 日本 🎉', NOW);
    expect(after).toContain('"name": "a \\"b\\" \\\\ c\\n\\u0001 / 日本 🎉",');
    expect(parseAsset(after).project_context.name).toBe('a "b" \\ c\n\u0001 / 日本 🎉');
  });

  it('never alters any other byte, whatever the asset and the name', () => {
    fc.assert(
      fc.property(arbAsset, arbText, fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (asset, name, now) => {
        const before = serializeAsset(asset);
        const after = renameText(before, name, now);
        expect(outsideRenameSpans(after)).toEqual(outsideRenameSpans(before));
        const renamed = parseAsset(after);
        expect(renamed.project_context.name).toBe(name);
        expect(renamed.updated_at_ms).toBe(now);
        expect(
          serializeAsset({
            ...renamed,
            updated_at_ms: asset.updated_at_ms,
            project_context: asset.project_context,
          }),
        ).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
