/**
 * Find within a session the index has not read (yet), or in the turns appended since it did: the
 * turns are read a page at a time from the session itself and matched by their text, so a session
 * of any size is never held whole.
 */
import type { ToolCall, Turn, TurnPage } from '../../shared/model';

/** Turns read at a time: the contract's largest page. */
const PAGE = 500;

export interface StreamedFind {
  /** Matching turn indexes from `from` on, ascending, at most `limit`. */
  turns: number[];
  total: number;
}

/**
 * Reads turns `from` to the end through `read` and keeps those holding every term (lowercased
 * strings, as query.ts's highlights are) in their text, a tool's name, arguments or result.
 */
export async function streamFind(
  read: (from: number, count: number) => Promise<TurnPage>,
  terms: readonly string[],
  from: number,
  limit: number,
): Promise<StreamedFind> {
  const found: StreamedFind = { turns: [], total: 0 };
  const wanted = terms.map(fold).filter((term) => term !== '');
  if (wanted.length === 0) return found;
  for (let at = from; ;) {
    const page = await read(at, PAGE);
    for (const turn of page.turns) {
      if (!turnMatches(turn, wanted)) continue;
      found.total += 1;
      if (found.turns.length < limit) found.turns.push(turn.index);
    }
    at += page.turns.length;
    if (page.turns.length === 0 || at >= page.total) return found;
  }
}

/** Whether every (folded) term is somewhere in the turn. */
export function turnMatches(turn: Turn, terms: readonly string[]): boolean {
  const texts = [turn.text, ...turn.toolCalls.flatMap(callTexts)].map(fold);
  return terms.every((term) => texts.some((text) => text.includes(term)));
}

function callTexts(call: ToolCall): string[] {
  return [call.name, textOf(call.arguments), textOf(call.result)];
}

/** Lowercased, without diacritics: the index's tokenizer folds text the same way. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return (
      JSON.stringify(value, (_key, inner: unknown) =>
        typeof inner === 'bigint' ? inner.toString() : inner,
      ) ?? ''
    );
  } catch {
    return String(value);
  }
}
