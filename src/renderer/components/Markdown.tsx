import { ImageOff } from 'lucide-react';
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import type { Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { openExternal } from '../api';

/**
 * Session text is hostile. react-markdown builds React elements (no HTML strings), `skipHtml`
 * drops raw HTML, the default URL transform strips javascript: and friends, links go only through
 * the host's allowlisted opener, and images never load: they would leak text to a remote server.
 */
const components: Components = {
  a({ href, children }) {
    return (
      <a
        href={href}
        onClick={(event) => {
          event.preventDefault();
          if (href) void openExternal(href);
        }}
        rel="noreferrer noopener"
      >
        {children}
      </a>
    );
  },
  img({ src, alt }) {
    return (
      <span className="blocked-image" title={typeof src === 'string' ? src : undefined}>
        <ImageOff size={14} aria-hidden="true" /> image not loaded{alt ? `: ${alt}` : ''}
      </span>
    );
  },
};

export function Markdown({ text }: { text: string }): ReactNode {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
