import type { Element, ElementContent } from 'hast';
import { ImageOff } from 'lucide-react';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import type { Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { openExternal } from '../api';
import { rehypeMarks } from '../features/find/rehypeMarks';
import { CodeBlock } from './CodeBlock';
import { fenceLanguage } from './codeLanguage';

/**
 * Session text is hostile. react-markdown builds React elements (no HTML strings), `skipHtml`
 * drops raw HTML, the default URL transform strips javascript: and friends, links go only through
 * the host's allowlisted opener, images never load (they would leak text to a remote server), and
 * a fence's info string only ever picks a grammar from an allowlist (codeLanguage.ts).
 */
const fixed: Components = {
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

/** A stable empty list: a new one each render would make the components anew each time. */
const noMarks: readonly string[] = [];

/** `marks`: terms of the find to highlight in the text. */
export function Markdown({ text, marks = noMarks }: { text: string; marks?: readonly string[] }): ReactNode {
  const components = useMemo<Components>(
    () => ({
      ...fixed,
      pre({ node, children }) {
        const code = node?.children[0];
        if (code?.type !== 'element' || code.tagName !== 'code') return <pre>{children}</pre>;
        return <CodeBlock code={textOf(code)} language={fenceLanguage(infoOf(code))} marks={marks} />;
      },
    }),
    [marks],
  );
  const rehypePlugins = useMemo(() => (marks.length > 0 ? [rehypeMarks(marks)] : []), [marks]);
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={rehypePlugins}
        skipHtml
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}

/**
 * The fence's whole info string: its first word becomes the `language-` class and the rest is
 * kept as `meta` (mdast-util-to-hast), so both are read to judge it whole.
 */
function infoOf(code: Element): string {
  const classes = code.properties.className;
  const language = Array.isArray(classes)
    ? classes
        .map(String)
        .find((name) => name.startsWith('language-'))
        ?.slice('language-'.length)
    : undefined;
  const meta = (code.data as { meta?: unknown } | undefined)?.meta;
  return [language ?? '', typeof meta === 'string' ? meta : ''].join(' ').trim();
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
