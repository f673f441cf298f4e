import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeMarks } from './rehypeMarks';

function run(tree: Root, terms: string[]): Root {
  rehypeMarks(terms)()(tree);
  return tree;
}

describe('rehypeMarks', () => {
  it('wraps the terms of text nodes in mark elements holding text, leaving code blocks alone', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [{ type: 'text', value: 'a <b>lighthouse</b> here' }],
        },
        {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [{ type: 'text', value: 'lighthouse' }],
        },
      ],
    };
    const out = run(tree, ['lighthouse']);
    expect(out.children[0]).toEqual({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [
        { type: 'text', value: 'a <b>' },
        {
          type: 'element',
          tagName: 'mark',
          properties: { className: ['find-mark'] },
          children: [{ type: 'text', value: 'lighthouse' }],
        },
        { type: 'text', value: '</b> here' },
      ],
    });
    expect(out.children[1]).toEqual({
      type: 'element',
      tagName: 'pre',
      properties: {},
      children: [{ type: 'text', value: 'lighthouse' }],
    });
  });

  it('changes nothing without terms', () => {
    const tree: Root = { type: 'root', children: [{ type: 'text', value: 'x' }] };
    expect(run(tree, [])).toEqual({ type: 'root', children: [{ type: 'text', value: 'x' }] });
  });
});
