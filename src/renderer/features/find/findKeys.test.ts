import { describe, expect, it } from 'vitest';
import { findKey } from './findKeys';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('findKey', () => {
  it('answers Ctrl or ⌘ with F and G', () => {
    expect(findKey(press('f', { ctrlKey: true }))).toBe('find');
    expect(findKey(press('F', { metaKey: true }))).toBe('find');
    expect(findKey(press('g', { ctrlKey: true }))).toBe('goToTurn');
  });

  it('leaves the letters alone, and the chords with Shift or Alt', () => {
    expect(findKey(press('f'))).toBeNull();
    expect(findKey(press('g'))).toBeNull();
    expect(findKey(press('f', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(findKey(press('g', { metaKey: true, altKey: true }))).toBeNull();
    expect(findKey(press('k', { ctrlKey: true }))).toBeNull();
  });
});
