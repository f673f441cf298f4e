import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NumberOutOfRangeError,
  formatF32,
  formatF64,
  readF32,
  readSerdeNumber,
  readUnsigned,
  U64,
  U8,
} from './numbers';

describe('readSerdeNumber', () => {
  it('keeps integers that fit u64 or i64 exact, beyond 2^53 too', () => {
    expect(readSerdeNumber('0')).toEqual({ kind: 'u64', value: 0n });
    expect(readSerdeNumber('9007199254740993')).toEqual({ kind: 'u64', value: 9007199254740993n });
    expect(readSerdeNumber('18446744073709551615')).toEqual({ kind: 'u64', value: 18446744073709551615n });
    expect(readSerdeNumber('-1')).toEqual({ kind: 'i64', value: -1n });
    expect(readSerdeNumber('-9223372036854775808')).toEqual({ kind: 'i64', value: -9223372036854775808n });
  });

  it('turns -0 and integers outside u64/i64 into f64, as serde_json does', () => {
    const minusZero = readSerdeNumber('-0');
    expect(minusZero.kind).toBe('f64');
    expect(Object.is(minusZero.value, -0)).toBe(true);
    expect(readSerdeNumber('18446744073709551616')).toEqual({ kind: 'f64', value: 2 ** 64 });
    expect(readSerdeNumber('-9223372036854775809')).toEqual({ kind: 'f64', value: -(2 ** 63) });
  });

  it('reads any token with a fraction or exponent as f64', () => {
    expect(readSerdeNumber('1e2')).toEqual({ kind: 'f64', value: 100 });
    expect(readSerdeNumber('1.0')).toEqual({ kind: 'f64', value: 1 });
    expect(readSerdeNumber('2.5E-3')).toEqual({ kind: 'f64', value: 0.0025 });
    expect(readSerdeNumber('1e-400')).toEqual({ kind: 'f64', value: 0 });
    expect(readSerdeNumber('0e99999999999')).toEqual({ kind: 'f64', value: 0 });
  });

  it('refuses numbers serde_json calls out of range', () => {
    expect(() => readSerdeNumber('1e400')).toThrow(NumberOutOfRangeError);
    expect(() => readSerdeNumber('-1.5e309')).toThrow(NumberOutOfRangeError);
    expect(() => readSerdeNumber('1e99999999999')).toThrow(NumberOutOfRangeError);
    expect(() => readSerdeNumber('1' + '0'.repeat(400))).toThrow(NumberOutOfRangeError);
  });

  it('matches correct rounding for short decimals (the fast path is exact there)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 53 - 1 }),
        fc.integer({ min: -22, max: 22 }),
        (digits, exp) => {
          const token = `${digits}e${exp}`;
          const parsed = readSerdeNumber(token);
          expect(parsed).toEqual({ kind: 'f64', value: Number(token) });
        },
      ),
    );
  });

  it("is serde_json's truncating parser, not a correctly rounded one, for long significands", () => {
    // 20 significant digits: serde keeps 19 of them in a u64, then scales by 10^-k with one division.
    const token = '0.12345678901234567890';
    const expected = Number(1234567890123456789n) / 1e19;
    expect(readSerdeNumber(token)).toEqual({ kind: 'f64', value: expected });
  });
});

describe('readUnsigned', () => {
  it('accepts only plain integers within the Rust type', () => {
    expect(readUnsigned('255', U8)).toBe(255n);
    expect(readUnsigned('256', U8)).toBeNull();
    expect(readUnsigned('1.0', U64)).toBeNull();
    expect(readUnsigned('1e3', U64)).toBeNull();
    expect(readUnsigned('-1', U64)).toBeNull();
    expect(readUnsigned('-0', U64)).toBeNull();
    expect(readUnsigned('18446744073709551615', U64)).toBe(18446744073709551615n);
    expect(readUnsigned('18446744073709551616', U64)).toBeNull();
  });
});

describe('formatF64', () => {
  // Expected strings: zmij's own tests (dtolnay/zmij tests/test.rs), which serde_json >= 1.0.147 prints.
  it.each([
    [1, '1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [100, '100.0'],
    [0.1, '0.1'],
    [43210, '43210.0'],
    [43210.1, '43210.1'],
    [10000, '10000.0'],
    [-5942736479622170, '-5942736479622170.0'],
    [5.444310685350916e14, '544431068535091.6'],
    [6.62607015e-34, '6.62607015e-34'],
    [5e-324, '5e-324'],
    [1e-323, '1e-323'],
    [1.2e-322, '1.2e-322'],
    [2.2250738585072004e-308, '2.2250738585072004e-308'],
    [-4.932096661796888e-226, '-4.932096661796888e-226'],
    [3.439070283483335e35, '3.439070283483335e+35'],
    [1e16, '1e+16'],
    [1234567890123456, '1234567890123456.0'],
    [Number('12345678901234567'), '1.2345678901234568e+16'],
    [0.0001, '0.0001'],
    [0.00001, '0.00001'],
    [0.000001, '1e-6'],
    [0.000123, '0.000123'],
    [1.5e-6, '1.5e-6'],
    [Number.MAX_VALUE, '1.7976931348623157e+308'],
  ])('%s → %s', (value, expected) => {
    expect(formatF64(value)).toBe(expected);
  });

  it('always reads back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(formatF64(x)), x)).toBe(true);
      }),
    );
  });
});

describe('formatF32', () => {
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [0.85, '0.85'],
    [0.95, '0.95'],
    [1 / 3, '0.33333334'],
    [0.7, '0.7'],
    [43210, '43210.0'],
    [43210.1, '43210.1'],
    [1.342178e8, '134217800.0'],
    [1.3421781e8, '134217810.0'],
    [6.62607e-34, '6.62607e-34'],
    [1.401298464324817e-45, '1e-45'],
    [1e13, '1e+13'],
    [1e12, '1000000000000.0'],
    [0.000001, '0.000001'],
    [1e-7, '1e-7'],
    [16777216, '16777216.0'],
    [Infinity, 'null'],
  ])('%s → %s', (value, expected) => {
    expect(formatF32(value)).toBe(expected);
  });

  it('prints the shortest digits that read back as the same f32', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const printed = formatF32(x);
        expect(Object.is(Math.fround(Number(printed)), Math.fround(x))).toBe(true);
        const digits = printed
          .replace(/^-/, '')
          .replace(/e.*$/, '')
          .replace('.', '')
          .replace(/^0+/, '')
          .replace(/0+$/, '');
        if (digits.length > 1) {
          const shorter = Math.fround(Number(Math.fround(x).toPrecision(digits.length - 1)));
          expect(shorter).not.toBe(Math.fround(x));
        }
      }),
    );
  });

  it('narrows like Rust `as f32`', () => {
    expect(readF32('1')).toBe(1);
    expect(readF32('0.1')).toBe(Math.fround(0.1));
    expect(readF32('1e39')).toBe(Infinity);
    // 2^60 + 2^36 + 1 rounds up once as an integer; through f64 it would tie and round to even.
    expect(readF32(String(2n ** 60n + 2n ** 36n + 1n))).toBe(2 ** 60 + 2 ** 37);
  });
});
