import { themeChoices } from '../../../shared/api';
import type { ThemeChoice } from '../../../shared/api';

export type { ThemeChoice };
export type Theme = 'light' | 'dark';

export const themeKey = 'sessionscope.theme';

/** What a stored value says; anything else (nothing, an old or hand-edited value) follows the system. */
export function parseTheme(value: string | null): ThemeChoice {
  return themeChoices.find((choice) => choice === value) ?? 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** The toggle flips what is shown now, so a first press always changes the window. */
export function toggledTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return resolveTheme(choice, systemDark) === 'dark' ? 'light' : 'dark';
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function storedTheme(storage: Storage = localStorage): ThemeChoice {
  try {
    return parseTheme(storage.getItem(themeKey));
  } catch {
    // Storage can be refused (a locked-down profile): the system's choice then stands.
    return 'system';
  }
}

export function storeTheme(choice: ThemeChoice, storage: Storage = localStorage): void {
  try {
    if (choice === 'system') storage.removeItem(themeKey);
    else storage.setItem(themeKey, choice);
  } catch {
    // Not kept past this window; it still applies now.
  }
}

/**
 * An explicit choice is `<html data-theme>`, which the style sheet prefers over the system's
 * `prefers-color-scheme`; no attribute follows the system.
 */
export function applyTheme(
  choice: ThemeChoice,
  root: Pick<Element, 'setAttribute' | 'removeAttribute'> = document.documentElement,
): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

export function systemPrefersDark(): boolean {
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}
