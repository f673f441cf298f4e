import { useState } from 'react';
import { formatBytes } from '../lib/time';
import { Markdown } from './Markdown';

/** Past this size markdown parsing freezes the window, so the text is shown plain, head first. */
const markdownLimit = 50 * 1024;

export function LongText({ text }: { text: string }) {
  const [showAll, setShowAll] = useState(false);
  if (text.length <= markdownLimit) return <Markdown text={text} />;
  return (
    <div className="long-text">
      <pre>{showAll ? text : text.slice(0, markdownLimit)}</pre>
      {!showAll && (
        <button type="button" onClick={() => setShowAll(true)}>
          Show all ({formatBytes(text.length)})
        </button>
      )}
    </div>
  );
}
