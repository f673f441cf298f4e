import { useState } from 'react';
import type { ReactNode } from 'react';
import { formatBytes } from '../lib/time';
import { Markdown } from './Markdown';

/**
 * Past this size parsing (markdown, or highlighting code) freezes the window, so the text is
 * shown plain, head first, until the person asks for all of it.
 */
export const richLimit = 50 * 1024;

interface Props {
  text: string;
  /** How text within the limit is shown; markdown unless said otherwise. */
  children?: (text: string) => ReactNode;
}

export function LongText({ text, children }: Props) {
  const [showAll, setShowAll] = useState(false);
  if (text.length <= richLimit) return children ? children(text) : <Markdown text={text} />;
  return (
    <div className="long-text">
      <pre>{showAll ? text : text.slice(0, richLimit)}</pre>
      {!showAll && (
        <p className="long-text-more">
          <span className="muted">Showing the first {formatBytes(richLimit)} as plain text.</span>{' '}
          <button type="button" onClick={() => setShowAll(true)}>
            Show all ({formatBytes(text.length)})
          </button>
        </p>
      )}
    </div>
  );
}
