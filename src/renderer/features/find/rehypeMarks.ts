import type { Element, ElementContent, Root, RootContent } from 'hast';
import { highlightSlices } from '../search/highlight';
import { termMarks } from './termMarks';

/**
 * A rehype plugin for react-markdown: the find's terms in the rendered text become <mark>
 * elements holding text nodes, so markup is never made from strings. Code blocks are left to
 * CodeBlock, which marks its own tokens.
 */
export function rehypeMarks(terms: readonly string[]) {
  return () =>
    (tree: Root): void => {
      if (terms.length > 0) markChildren(tree, terms);
    };
}

function markChildren(parent: Root | Element, terms: readonly string[]): void {
  const next: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      const slices = highlightSlices(child.value, termMarks(child.value, terms));
      for (const slice of slices) {
        next.push(slice.marked ? mark(slice.text) : { type: 'text', value: slice.text });
      }
      continue;
    }
    if (child.type === 'element' && child.tagName !== 'pre') markChildren(child, terms);
    next.push(child);
  }
  parent.children = next as ElementContent[];
}

function mark(text: string): Element {
  return {
    type: 'element',
    tagName: 'mark',
    properties: { className: ['find-mark'] },
    children: [{ type: 'text', value: text }],
  };
}
