import { describe, expect, it } from 'vitest';
import { formatElapsed } from './duration';

const min = 60_000;

describe('formatElapsed', () => {
  it.each([
    [0, '< 1 min'],
    [59_999, '< 1 min'],
    [-5 * min, '< 1 min'],
    [Number.NaN, '< 1 min'],
    [min, '1 min'],
    [59 * min + 59_999, '59 min'],
    [60 * min, '1 h'],
    [125 * min, '2 h 5 min'],
    [24 * 60 * min - 1, '23 h 59 min'],
    [24 * 60 * min, '1 d'],
    [(3 * 24 + 4) * 60 * min + 59 * min, '3 d 4 h'],
  ])('%d ms reads %s', (ms, words) => {
    expect(formatElapsed(ms)).toBe(words);
  });
});
