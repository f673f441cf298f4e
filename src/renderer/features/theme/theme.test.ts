import { describe, expect, it } from 'vitest';
import {
  applyTheme,
  parseTheme,
  resolveTheme,
  storedTheme,
  storeTheme,
  themeKey,
  toggledTheme,
} from './theme';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('the theme', () => {
  it('follows the system unless light or dark was chosen', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('toggles away from what is shown, whatever the choice was', () => {
    expect(toggledTheme('system', true)).toBe('light');
    expect(toggledTheme('system', false)).toBe('dark');
    expect(toggledTheme('dark', false)).toBe('light');
    expect(toggledTheme('light', true)).toBe('dark');
  });

  it('reads anything it did not write as the system', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme(null)).toBe('system');
    expect(parseTheme('solarized')).toBe('system');
    expect(parseTheme('DARK')).toBe('system');
  });

  it('keeps the choice, and forgets it when the system is chosen again', () => {
    const storage = memoryStorage();
    storeTheme('dark', storage);
    expect(storage.values.get(themeKey)).toBe('dark');
    expect(storedTheme(storage)).toBe('dark');
    storeTheme('system', storage);
    expect(storage.values.has(themeKey)).toBe(false);
    expect(storedTheme(storage)).toBe('system');
  });

  it('follows the system when storage is refused', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(storedTheme(refusing)).toBe('system');
    expect(() => storeTheme('dark', refusing)).not.toThrow();
  });

  it('sets data-theme for a choice and removes it to follow the system', () => {
    const attributes = new Map<string, string>();
    const root = {
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      removeAttribute: (name: string) => void attributes.delete(name),
    };
    applyTheme('light', root);
    expect(attributes.get('data-theme')).toBe('light');
    applyTheme('system', root);
    expect(attributes.has('data-theme')).toBe(false);
  });
});
