import { useMemo } from 'react';
import type { Snippet } from '../../../shared/search';
import { highlightSlices } from './highlight';

/** Snippet text as plain text nodes, with the matched runs in <mark> elements; never as HTML. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const slices = useMemo(() => highlightSlices(snippet.text, snippet.marks), [snippet]);
  return (
    <>
      {slices.map((slice, index) =>
        slice.marked ? <mark key={index}>{slice.text}</mark> : <span key={index}>{slice.text}</span>,
      )}
    </>
  );
}
