import type { Context } from './context';
import { cleanLine } from './sanitize';

/** Quoted for a POSIX shell only when it has to be, so a printed command can be pasted as it is. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A command to run next (an undo, a restore). It repeats --home when that was given, because the
 * trash and the undo records live there and a bare command would look somewhere else.
 */
export function followUp(context: Context, ...words: string[]): string {
  const home = context.homeGiven === undefined ? [] : ['--home', context.homeGiven];
  return cleanLine(['sessionscope', ...home, ...words].map(shellWord).join(' '));
}

/** The tail of a reversible write's one-line report; nothing when the write left nothing to undo. */
export function undoNote(context: Context, undoId: string | null): string {
  return undoId === null ? '' : `; undo with: ${followUp(context, 'undo', undoId)}`;
}
