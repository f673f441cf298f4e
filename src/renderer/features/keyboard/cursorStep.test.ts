import { describe, expect, it } from 'vitest';
import { cursorStep } from './cursorStep';

describe('cursorStep', () => {
  it('moves one row and stops at either end', () => {
    expect(cursorStep(1, 3, 1)).toBe(2);
    expect(cursorStep(2, 3, 1)).toBe(2);
    expect(cursorStep(1, 3, -1)).toBe(0);
    expect(cursorStep(0, 3, -1)).toBe(0);
  });

  it('starts at the top going down and at the bottom going up when no row is current', () => {
    expect(cursorStep(-1, 3, 1)).toBe(0);
    expect(cursorStep(-1, 3, -1)).toBe(2);
    expect(cursorStep(7, 3, 1)).toBe(0);
  });

  it('has nowhere to go in an empty list', () => {
    expect(cursorStep(-1, 0, 1)).toBeNull();
  });
});
