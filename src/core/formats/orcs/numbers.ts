/**
 * Numbers the way serde_json reads and writes them, so a value survives a trip through ORCS.
 *
 * Reading follows serde_json's default number parser (ORCS does not enable `float_roundtrip` or
 * `arbitrary_precision`): integers that fit stay exact as u64 or i64, everything else becomes an
 * f64 built from a truncated u64 significand and a power-of-ten table, which is not always the
 * correctly rounded value. Writing follows serde_json >= 1.0.147, whose float formatter (zmij)
 * prints the same digits and layout as ryu did, except that positive exponents carry a `+`
 * (`1e+20`; serde_json <= 1.0.146 wrote `1e20`).
 */

export type SerdeNumber =
  { kind: 'u64'; value: bigint } | { kind: 'i64'; value: bigint } | { kind: 'f64'; value: number };

export class NumberOutOfRangeError extends Error {
  constructor(token: string) {
    super(`number out of range: ${token.length > 40 ? `${token.slice(0, 40)}…` : token}`);
    this.name = 'NumberOutOfRangeError';
  }
}

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN_MAGNITUDE = 1n << 63n;
const I32_MAX = 2 ** 31 - 1;
const I32_MIN = -(2 ** 31);
const POW10 = Array.from({ length: 309 }, (_, i) => Number(`1e${i}`));

const isDigit = (c: string | undefined): c is string => c !== undefined && c >= '0' && c <= '9';
const clampI32 = (n: number): number => Math.min(I32_MAX, Math.max(I32_MIN, n));

/** The value serde_json builds from a token already known to match the JSON number grammar. */
export function readSerdeNumber(token: string): SerdeNumber {
  const positive = token[0] !== '-';
  let i = positive ? 0 : 1;
  let significand = 0n;
  let exponent = 0;
  let overflowed = false;

  for (; isDigit(token[i]); i++) {
    if (overflowed) {
      exponent++;
      continue;
    }
    const next = significand * 10n + BigInt(token.charCodeAt(i) - 48);
    if (next > U64_MAX) {
      overflowed = true;
      exponent++;
    } else {
      significand = next;
    }
  }

  if (!overflowed && token[i] === undefined) {
    if (positive) return { kind: 'u64', value: significand };
    if (significand === 0n) return { kind: 'f64', value: -0 };
    if (significand <= I64_MIN_MAGNITUDE) return { kind: 'i64', value: -significand };
    return { kind: 'f64', value: -Number(significand) };
  }

  if (token[i] === '.') {
    i++;
    let fractionOverflowed = false;
    for (; isDigit(token[i]); i++) {
      if (fractionOverflowed) continue;
      const next = significand * 10n + BigInt(token.charCodeAt(i) - 48);
      if (next > U64_MAX) {
        fractionOverflowed = true;
      } else {
        significand = next;
        exponent--;
      }
    }
  }

  if (token[i] === 'e' || token[i] === 'E') {
    i++;
    const positiveExponent = token[i] !== '-';
    if (token[i] === '+' || token[i] === '-') i++;
    let written = 0;
    for (; isDigit(token[i]); i++) {
      written = written * 10 + (token.charCodeAt(i) - 48);
      if (written > I32_MAX) {
        if (significand !== 0n && positiveExponent) throw new NumberOutOfRangeError(token);
        return { kind: 'f64', value: positive ? 0 : -0 };
      }
    }
    exponent = clampI32(positiveExponent ? exponent + written : exponent - written);
  }

  return { kind: 'f64', value: fromParts(token, positive, significand, exponent) };
}

function fromParts(token: string, positive: boolean, significand: bigint, exponent: number): number {
  let f = Number(significand);
  for (;;) {
    const magnitude = Math.abs(exponent);
    const pow = magnitude < POW10.length ? POW10[magnitude] : undefined;
    if (pow !== undefined) {
      if (exponent >= 0) {
        f *= pow;
        if (!Number.isFinite(f)) throw new NumberOutOfRangeError(token);
      } else {
        f /= pow;
      }
      break;
    }
    if (f === 0) break;
    if (exponent >= 0) throw new NumberOutOfRangeError(token);
    f /= 1e308;
    exponent += 308;
  }
  return positive ? f : -f;
}

/** A `u64`/`usize`/`u32`/`u8` field: serde accepts only a plain non-negative integer token. */
export function readUnsigned(token: string, max: bigint): bigint | null {
  if (!/^(?:0|[1-9][0-9]*)$/.test(token)) return null;
  const value = BigInt(token);
  return value <= max ? value : null;
}

export const U64 = U64_MAX;
export const U32 = 2n ** 32n - 1n;
export const U8 = 255n;

/** An `f32` field: serde reads the number as above, then narrows it with Rust's `as f32`. */
export function readF32(token: string): number {
  const n = readSerdeNumber(token);
  return n.kind === 'f64' ? Math.fround(n.value) : bigintToF32(n.value);
}

/** Integer to f32 with a single rounding (going through f64 first could round twice). */
function bigintToF32(value: bigint): number {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  if (magnitude <= 2n ** 53n) return Math.fround(Number(value));
  const shift = BigInt(magnitude.toString(2).length - 24);
  let kept = magnitude >> shift;
  const rest = magnitude - (kept << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
  const result = Number(kept) * 2 ** Number(shift);
  return negative ? -result : result;
}

/** Shortest digits of a positive finite value, as `0.digits × 10^point`. */
interface Decimal {
  digits: string;
  point: number;
}

/** JavaScript's own shortest round-trip digits are the same as ryu's and zmij's for f64. */
function shortestF64(x: number): Decimal {
  const [mantissa = '', exponentPart] = String(x).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + (exponentPart === undefined ? 0 : Number(exponentPart));
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading).replace(/0+$/, '');
  point -= leading;
  return { digits, point };
}

const pow10n = (n: number): bigint => 10n ** BigInt(n);
const pow2n = (n: number): bigint => 2n ** BigInt(n);

/**
 * Shortest digits that read back as the same f32, closest to it when several are that short
 * (what ryu's and zmij's f32 paths print). JavaScript has no f32 printer, so this searches
 * each length with exact integer arithmetic against the f32's rounding interval.
 */
function shortestF32(x: number): Decimal {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  const biased = (bits >>> 23) & 0xff;
  const fraction = bits & 0x7fffff;
  const mantissa = biased === 0 ? fraction : fraction | 0x800000;
  const binaryExponent = (biased === 0 ? -149 : biased - 150) - 2;
  // The value and the two halfway points to its neighbours, all as multiples of 2^binaryExponent.
  const centre = 4n * BigInt(mantissa);
  const upper = centre + 2n;
  const lower = centre - (fraction !== 0 || biased <= 1 ? 2n : 1n);
  const boundsIncluded = mantissa % 2 === 0;

  /** Sign of (digits × 10^exponent) − (scaled × 2^binaryExponent). */
  const compare = (digits: bigint, exponent: number, scaled: bigint): number => {
    const left =
      digits * (exponent > 0 ? pow10n(exponent) : 1n) * (binaryExponent < 0 ? pow2n(-binaryExponent) : 1n);
    const right =
      scaled * (binaryExponent > 0 ? pow2n(binaryExponent) : 1n) * (exponent < 0 ? pow10n(-exponent) : 1n);
    return left < right ? -1 : left > right ? 1 : 0;
  };
  const inside = (digits: bigint, exponent: number): boolean => {
    const low = compare(digits, exponent, lower);
    const high = compare(digits, exponent, upper);
    return (low > 0 || (boundsIncluded && low === 0)) && (high < 0 || (boundsIncluded && high === 0));
  };

  let magnitude = Math.floor(Math.log10(x));
  while (compare(1n, magnitude, centre) > 0) magnitude--;
  while (compare(1n, magnitude + 1, centre) <= 0) magnitude++;

  for (let length = 1; ; length++) {
    const exponent = magnitude - length + 1;
    const numerator =
      centre * (binaryExponent > 0 ? pow2n(binaryExponent) : 1n) * (exponent < 0 ? pow10n(-exponent) : 1n);
    const denominator =
      (binaryExponent < 0 ? pow2n(-binaryExponent) : 1n) * (exponent > 0 ? pow10n(exponent) : 1n);
    const below = numerator / denominator;
    const above = below + 1n;
    const belowFits = inside(below, exponent);
    const aboveFits = inside(above, exponent);
    if (!belowFits && !aboveFits) continue;
    let chosen = belowFits ? below : above;
    if (belowFits && aboveFits) {
      const side = compare(below + above, exponent, 2n * centre);
      chosen = side > 0 ? below : side < 0 ? above : below % 2n === 0n ? below : above;
    }
    const text = chosen.toString();
    return { digits: text.replace(/0+$/, ''), point: text.length + exponent };
  }
}

/** ryu/zmij "pretty" layout: plain decimals inside a window, scientific notation outside it. */
function layout(negative: boolean, { digits, point }: Decimal, widest: number, smallest: number): string {
  const sign = negative ? '-' : '';
  const trailingZeros = point - digits.length;
  let body: string;
  if (trailingZeros >= 0 && point <= widest) body = `${digits}${'0'.repeat(trailingZeros)}.0`;
  else if (point > 0 && point <= widest) body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  else if (point > smallest && point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else {
    const exponent = point - 1;
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    body = `${mantissa}e${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  }
  return sign + body;
}

/** An f64 as serde_json writes it (`1.0`, `0.1`, `1e+100`, `-0.0`). Non-finite is `null`. */
export function formatF64(x: number): string {
  if (!Number.isFinite(x)) return 'null';
  const negative = x < 0 || Object.is(x, -0);
  if (x === 0) return negative ? '-0.0' : '0.0';
  return layout(negative, shortestF64(Math.abs(x)), 16, -5);
}

/** An f32 as serde_json writes it: the shortest digits that read back as the same f32. */
export function formatF32(x: number): string {
  const value = Math.fround(x);
  if (!Number.isFinite(value)) return 'null';
  const negative = value < 0 || Object.is(value, -0);
  if (value === 0) return negative ? '-0.0' : '0.0';
  return layout(negative, shortestF32(Math.abs(value)), 13, -6);
}

export function formatSerdeNumber(n: SerdeNumber): string {
  return n.kind === 'f64' ? formatF64(n.value) : n.value.toString();
}
