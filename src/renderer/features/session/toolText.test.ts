import { describe, expect, it } from 'vitest';
import { toolText } from './toolText';

describe('toolText', () => {
  it('pretty-prints JSON objects and arrays as JSON', () => {
    expect(toolText('{"a":1,"b":[true]}', {})).toEqual({
      text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}',
      language: 'json',
    });
    expect(toolText(' [1, 2] ', null).language).toBe('json');
  });

  it('reads other text in the language of the file the call names', () => {
    expect(toolText('export const x = 1;', { path: 'src/a.ts' })).toEqual({
      text: 'export const x = 1;',
      language: 'typescript',
    });
    expect(toolText('fn main() {}', { file_path: '/w/main.rs' }).language).toBe('rust');
  });

  it('leaves the rest plain: no file, an unknown one, or JSON that does not parse', () => {
    expect(toolText('hello', {}).language).toBeNull();
    expect(toolText('hello', { path: 'notes.txt' }).language).toBeNull();
    expect(toolText('hello', { path: 42 }).language).toBeNull();
    expect(toolText('{not json', { path: 'x.ts' })).toEqual({ text: '{not json', language: 'typescript' });
    expect(toolText('42', {}).language).toBeNull();
  });
});
