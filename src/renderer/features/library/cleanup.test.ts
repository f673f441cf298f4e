import { describe, expect, it } from 'vitest';
import type { RootInfo } from '../../../shared/model';
import { cleanableRoots, defaultTtlHours, maxTtlHours, parseHours } from './cleanup';

describe('parseHours', () => {
  it.each([
    ['72', 72],
    [' 1 ', 1],
    ['0.5', 0.5],
    ['.25', 0.25],
    ['2.', 2],
    [String(maxTtlHours), maxTtlHours],
  ])('accepts %j', (text, hours) => {
    expect(parseHours(text)).toBe(hours);
  });

  it.each(['', '0', '-1', 'abc', '1e3', '1,5', String(maxTtlHours + 1)])('refuses %j', (text) => {
    expect(parseHours(text)).toBeNull();
  });

  it('accepts its own default', () => {
    expect(parseHours(String(defaultTtlHours))).toBe(defaultTtlHours);
  });
});

describe('cleanableRoots', () => {
  const root = (id: string, change: Partial<RootInfo> = {}): RootInfo => ({
    id,
    path: `/s/${id}`,
    format: 'zeroclaw',
    origin: 'default',
    exists: true,
    readOnly: false,
    ...change,
  });

  it('keeps writable ZeroClaw roots that exist', () => {
    const roots = [
      root('a'),
      root('b', { format: 'orcs' }),
      root('c', { exists: false }),
      root('d', { readOnly: true }),
      root('e'),
    ];
    expect(cleanableRoots(roots).map((each) => each.id)).toEqual(['a', 'e']);
  });
});
