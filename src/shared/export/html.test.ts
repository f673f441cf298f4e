import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportHtml } from './html';
import { documentText } from './text';
import type { Element } from './testing';
import { collect, detailOf, hostile, hostileSession, pagesOf, parsed, textContent, turn } from './testing';

/** Every element the export writes itself; anything else came from session text. */
const ourTags = new Set(
  `html head meta title style body main h1 dl dt
  dd section h2 bdi time div details summary code span`.split(/\s+/),
);

const classOf = (element: Element) => element.attrs.find((attr) => attr.name === 'class')?.value;

async function hostileExport(): Promise<string> {
  const { detail, turns } = hostileSession();
  return collect(exportHtml(detail, pagesOf(turns)));
}

/** Any string, with the characters that matter to HTML far more often than chance would give them. */
const arbitraryText = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '&', '"', "'", '</div>', '<!--', ...hostile),
      fc.string({ unit: 'binary' }),
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''))
  .filter((text) => text !== '');

describe('exportHtml', () => {
  it('writes no markup from session text: only its own elements, no handlers, no URLs', async () => {
    const html = await hostileExport();
    const { elements } = parsed(html);
    expect(elements.map((element) => element.tagName).filter((tag) => !ourTags.has(tag))).toEqual([]);
    for (const element of elements) {
      for (const attr of element.attrs) {
        expect(attr.name).toMatch(/^(class|lang|charset|http-equiv|content|name)$/);
        expect(attr.value).not.toMatch(/javascript:|https?:|\/\//i);
      }
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href|action|srcset|srcdoc)\s*=/i);
    expect(elements.filter((element) => element.tagName === 'style')).toHaveLength(1);
    expect(elements.filter((element) => element.tagName === 'title')).toHaveLength(1);
  });

  it('sets a policy that forbids scripts and every fetch, in a self-contained page', async () => {
    const { elements } = parsed(await hostileExport());
    const policy = elements
      .find((element) => element.attrs.some((attr) => attr.value === 'Content-Security-Policy'))
      ?.attrs.find((attr) => attr.name === 'content')?.value;
    expect(policy).toMatch(/^default-src 'none'; style-src 'unsafe-inline'(;|$)/);
    const style = elements.find((element) => element.tagName === 'style');
    expect(style && textContent(style)).toMatch(/prefers-color-scheme: dark/);
    expect(style && textContent(style)).not.toMatch(/alert|@import|url\(/);
  });

  it('shows every hostile text as text, in full', async () => {
    const { elements } = parsed(await hostileExport());
    const texts = elements.filter((element) => classOf(element) === 'text').map(textContent);
    const codes = elements.filter((element) => classOf(element) === 'code').map(textContent);
    for (const text of hostile) {
      expect(texts).toContain(documentText(text));
      expect(codes).toContain(documentText(text));
    }
    const title = elements.find((element) => element.tagName === 'title');
    expect(title && textContent(title)).toBe('</title><script>alert("title")</script>');
    const roles = elements.filter((element) => element.tagName === 'h2').map(textContent);
    expect(roles[1]).toBe('Turn 1 · <script>alert("role")</script> 2026-11-23T05:00:00.000Z');
  });

  it('turns control characters into U+FFFD and lone CRs into line breaks', async () => {
    const html = await collect(exportHtml(detailOf([]), pagesOf([turn(0, 'a\u0000b\u001b[2Jc\u009bd\re')])));
    expect(html).toContain('a\uFFFDb\uFFFD[2Jc\uFFFDd\ne');
    expect(html).not.toMatch(/[^\P{Cc}\n]/u);
  });

  it('is a whole document for a session without turns', async () => {
    const html = await collect(exportHtml(detailOf([]), pagesOf([])));
    expect(html).toMatch(/^<!doctype html>\n[^]*<\/html>\n$/);
    expect(parsed(html).elements.filter((element) => element.tagName === 'section')).toHaveLength(0);
  });

  it('never lets a character of arbitrary turn text become markup', async () => {
    const baseline = await collect(exportHtml(detailOf([]), pagesOf([turn(0, 'x')])));
    const count = (text: string, char: string) => text.split(char).length - 1;
    await fc.assert(
      fc.asyncProperty(arbitraryText, async (text) => {
        const html = await collect(exportHtml(detailOf([]), pagesOf([turn(0, text)])));
        expect(count(html, '<')).toBe(count(baseline, '<'));
        expect(count(html, '>')).toBe(count(baseline, '>'));
        const shown = parsed(html).elements.find((element) => classOf(element) === 'text');
        expect(shown && textContent(shown)).toBe(documentText(text));
      }),
    );
  });
});
