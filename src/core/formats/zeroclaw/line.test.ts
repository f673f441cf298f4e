import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine, parseLine, rustTrim } from './line';

const parse = (text: string | Buffer) => parseLine(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'));
const reason = (text: string | Buffer): string => {
  const parsed = parse(text);
  return 'unreadable' in parsed ? parsed.unreadable : `readable: ${JSON.stringify(parsed)}`;
};

describe('parseLine: what ZeroClaw loads', () => {
  it('reads {role, content} and ignores other fields and their order', () => {
    expect(parse('{"role":"user","content":"hi"}')).toEqual({ message: { role: 'user', content: 'hi' } });
    expect(parse('{"content":"c","role":"tool","id":1,"x":{"y":[1e999,null]}}')).toEqual({
      message: { role: 'tool', content: 'c' },
    });
    expect(parse('  {"role":"a","content":""}\t\r')).toEqual({ message: { role: 'a', content: '' } });
  });

  it('reads a two-element array as a message, as serde reads a struct from a sequence', () => {
    expect(parse('["user","as an array"]')).toEqual({ message: { role: 'user', content: 'as an array' } });
    expect(reason('["user"]')).toMatch(/array of 1 values/);
    expect(reason('["user","a","b"]')).toMatch(/array of 3 values/);
    expect(reason('[1,"a"]')).toBe('`role` is not a string');
  });

  it('reads keys written with escapes, and escaped content', () => {
    expect(parse('{"r\\u006fle":"user","content":"\\u00e9\\n\\ud83d\\ude00"}')).toEqual({
      message: { role: 'user', content: 'é\n😀' },
    });
  });

  it.each([
    ['', 'blank'],
    ['   \t ', 'blank'],
    ['\u0085\u3000\u2028', 'blank'],
  ])('treats %j as blank (Rust trim() takes all White_Space)', (text) => {
    expect(parse(text)).toEqual({ blank: true });
  });

  it.each([
    ['{"role":"user","content":"cut off', /^not valid JSON/],
    ['\u0000\u0000{"role":"user","content":"x"}', /NUL bytes/],
    ['{"role":"user","content":"stub{"role":"user","content":"next"}', /starts in the middle of the line/],
    ['{"role":"user","content":"a"}{"role":"user","content":"b"}', /starts in the middle of the line/],
    ['{"role":"user"}', /^missing field `content`$/],
    ['{"content":"x"}', /^missing field `role`$/],
    ['{"role":null,"content":"x"}', /^`role` is not a string$/],
    ['{"role":"user","content":7}', /^`content` is not a string$/],
    ['{"role":"a","role":"b","content":"x"}', /^duplicate field `role`$/],
    ['{"role":"a","content":"x","c\\u006fntent":"y"}', /^duplicate field `content`$/],
    ['{"role":"a","content":"\\ud800"}', /lone UTF-16 surrogate/],
    ['{"role":"a","content":"x","\\udc00":1}', /a key holds a lone/],
    ['\uFEFF{"role":"user","content":"x"}', /byte-order mark/],
    ['"text"', /^not a JSON object$/],
    ['42', /^not a JSON object$/],
    ['null', /^not a JSON object$/],
  ])('refuses %j', (text, why) => {
    expect(reason(text)).toMatch(why);
  });

  it('refuses invalid UTF-8, which Rust lines() fails on', () => {
    expect(reason(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).toMatch(/not valid UTF-8/);
  });

  it('keeps extra fields out of the duplicate check, nested keys included', () => {
    expect(parse('{"role":"a","content":"x","meta":{"role":"b","content":"y"},"e":"\\u0041"}')).toEqual({
      message: { role: 'a', content: 'x' },
    });
    expect(parse('{"role":"a","content":"says \\"role\\" twice: \\"role\\""}')).toEqual({
      message: { role: 'a', content: 'says "role" twice: "role"' },
    });
  });

  it('reads whatever JSON.stringify writes for a message (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'binary' }), (role, content) => {
        fc.pre(!/\p{Surrogate}/u.test(role + content));
        expect(parse(JSON.stringify({ role, content }))).toEqual({ message: { role, content } });
      }),
    );
  });
});

describe('classifyLine', () => {
  const raw = (text: string, terminated: boolean) => ({
    number: 1,
    offset: 0,
    length: text.length,
    terminated,
    bytes: Buffer.from(text),
  });

  it('names an unreadable last line without "\\n" a torn last line', () => {
    expect(classifyLine(raw('{"role":"u', false))).toEqual({
      unreadable: expect.stringMatching(/^torn last line, no newline: not valid JSON/),
    });
    expect(classifyLine(raw('{"role":"u","content":"x"}', false))).toBe('record');
    expect(classifyLine({ ...raw('', true), bytes: null, length: 1e9 })).toEqual({
      unreadable: 'the line is too long to read',
    });
  });
});

describe('rustTrim', () => {
  it('trims exactly Unicode White_Space (property)', () => {
    const space = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\f',
      '\u0085',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u200b',
      'a',
    );
    fc.assert(
      fc.property(
        fc.array(space, { maxLength: 6 }),
        fc.string(),
        fc.array(space, { maxLength: 6 }),
        (left, middle, right) => {
          const text = left.join('') + middle + right.join('');
          expect(rustTrim(text)).toBe(text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, ''));
        },
      ),
    );
  });
});
