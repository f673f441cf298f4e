import type { RefObject } from 'react';

/** The search box and the results pane share the keyboard: arrows walk the hits, Enter opens one. */
export interface SearchKeys {
  inputRef: RefObject<HTMLInputElement | null>;
  resultsRef: RefObject<HTMLDivElement | null>;
  /** Esc: clear the search and give the keyboard back to the session list. */
  onLeave(): void;
}

export function hitButtons(results: HTMLElement | null): HTMLButtonElement[] {
  return results ? [...results.querySelectorAll<HTMLButtonElement>('button.hit')] : [];
}

/** Whether a key press belongs to a field the user is typing in, where `/` is just a slash. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
