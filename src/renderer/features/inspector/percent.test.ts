import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent';

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [Number.NaN, '0%'],
    [0.004, '<1%'],
    [0.01, '1%'],
    [0.625, '63%'],
    [0.996, '>99%'],
    [1, '100%'],
    [1.5, '150%'],
  ])('%f reads %s', (fraction, words) => {
    expect(formatPercent(fraction)).toBe(words);
  });
});
