import type { SessionRef } from '../../../shared/model';

/**
 * What the session list lends the window's key handler: only the list knows which rows show, in
 * what order, and how to scroll its virtualiser to one of them.
 */
export interface ListNavigator {
  /** Moves the cursor one row and focuses it. */
  step(by: 1 | -1): void;
  /** Scrolls the session's row into view; false when the list does not show it. */
  reveal(ref: SessionRef): boolean;
  /** The row shown after the session's, else the one before: where the cursor goes if it leaves. */
  neighbour(ref: SessionRef): SessionRef | null;
}

let provided: ListNavigator | null = null;

/** Returns the withdrawal, for an effect's clean-up. */
export function provideListNavigator(navigator: ListNavigator): () => void {
  provided = navigator;
  return () => {
    if (provided === navigator) provided = null;
  };
}

export function listNavigator(): ListNavigator | null {
  return provided;
}
