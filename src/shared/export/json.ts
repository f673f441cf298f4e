import type { SessionDetail } from '../model';
import type { TurnPages } from './types';

/**
 * JSON.stringify leaves some characters raw that are harmless to a parser but not to whatever
 * shows the file: C1 controls (some terminals take U+009B as CSI), line and paragraph separators,
 * and bidi controls that reorder what a reader sees. They only ever occur inside strings, where
 * a \u escape is the same value, so the document still parses to exactly the session's data.
 */
function stringify(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `{"summary":…,"compactions":[…],"turns":[…]}`, written a page of turns at a time. */
export async function* exportJson(detail: SessionDetail, pages: TurnPages): AsyncGenerator<string> {
  yield `{"summary":${stringify(detail.summary)},"compactions":${stringify(detail.compactions)},"turns":[`;
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield (first ? '\n' : ',\n') + page.map(stringify).join(',\n');
    first = false;
  }
  yield ']}\n';
}
