import { describe, expect, it } from 'vitest';
import { findCount, findStep, firstFrom } from './findStep';

describe('findStep', () => {
  it('starts at the first match going forward and the last going back', () => {
    expect(findStep(5, null, 1)).toBe(0);
    expect(findStep(5, null, -1)).toBe(4);
  });

  it('steps on and wraps round at both ends', () => {
    expect(findStep(5, 0, 1)).toBe(1);
    expect(findStep(5, 4, 1)).toBe(0);
    expect(findStep(5, 0, -1)).toBe(4);
    expect(findStep(5, 3, -1)).toBe(2);
    expect(findStep(1, 0, 1)).toBe(0);
  });

  it('has nowhere to go without matches, and restarts from a position out of range', () => {
    expect(findStep(0, null, 1)).toBeNull();
    expect(findStep(0, 3, -1)).toBeNull();
    expect(findStep(3, 7, 1)).toBe(0);
  });
});

describe('findCount', () => {
  it('reads as a browser find does', () => {
    expect(findCount(2, 17, 17)).toBe('3 of 17');
    expect(findCount(null, 17, 17)).toBe('17 matches');
    expect(findCount(null, 1, 1)).toBe('1 match');
    expect(findCount(null, 0, 0)).toBe('No matches');
    expect(findCount(0, 10_000, 12_000)).toBe('1 of 10000+');
  });
});

describe('firstFrom', () => {
  it('starts at the first match at or after the turn being read', () => {
    expect(firstFrom([10, 250, 580], 0)).toBe(0);
    expect(firstFrom([10, 250, 580], 10)).toBe(0);
    expect(firstFrom([10, 250, 580], 11)).toBe(1);
    expect(firstFrom([10, 250, 580], 580)).toBe(2);
  });

  it('goes round to the first when every match is above, and has none without matches', () => {
    expect(firstFrom([10, 250, 580], 581)).toBe(0);
    expect(firstFrom([], 5)).toBeNull();
  });
});
