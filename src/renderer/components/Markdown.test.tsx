import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { LongText, richLimit } from './LongText';
import { Markdown } from './Markdown';

// The host's link opener reads the window when loaded; no link is followed here.
vi.mock('../api', () => ({ openExternal: vi.fn() }));

const html = (text: string, marks?: string[]) => renderToStaticMarkup(<Markdown text={text} marks={marks} />);

describe('Markdown code blocks', () => {
  it('highlights a fence in a known language as elements, under its name', () => {
    const out = html('```ts\nconst answer: number = 42;\n```');
    expect(out).toContain('aria-label="TypeScript code"');
    expect(out).toContain('<span class="token keyword">const</span>');
    expect(out).toContain('<span class="token number">42</span>');
    expect(out).toContain('aria-label="Copy code"');
  });

  it('shows any other info string as plain text, and nothing of it as markup', () => {
    for (const fence of [
      '```js onload=alert(1)',
      '```"><img src=x onerror=alert(1)>',
      '```brainfuck',
      '```',
    ]) {
      const out = html(`${fence}\nlet x = "<script>alert(1)</script>";\n\`\`\``);
      expect(out, fence).toContain('aria-label="Plain text code"');
      expect(out, fence).not.toContain('class="token');
      expect(out, fence).not.toMatch(/<img|<script|onload=|onerror=/);
      expect(out, fence).toContain('&lt;script&gt;');
    }
  });

  it('drops raw HTML and keeps images from loading', () => {
    const out = html('<img src="https://evil.example/x.png"> text ![alt](https://evil.example/y.png)');
    expect(out).not.toContain('<img');
    expect(out).toContain('image not loaded: alt');
  });

  it('marks the terms of a find in text, inline code and code blocks', () => {
    const out = html('The **lighthouse** and `lighthouse()`\n\n```py\nlighthouse = 1\n```', ['lighthouse']);
    expect(out.match(/<mark/g)).toHaveLength(3);
    expect(out).toContain('<strong><mark class="find-mark">lighthouse</mark></strong>');
  });
});

describe('LongText', () => {
  it('renders text within the limit as markdown', () => {
    expect(renderToStaticMarkup(<LongText text="**bold**" />)).toContain('<strong>bold</strong>');
  });

  it('shows only the head of longer text, plainly, with a button for the rest', () => {
    const text = `**head**${'x'.repeat(richLimit)}TAIL`;
    const out = renderToStaticMarkup(<LongText text={text} />);
    expect(out).toContain('**head**');
    expect(out).not.toContain('<strong>');
    expect(out).not.toContain('TAIL');
    expect(out).toMatch(/<button type="button">Show all \(50(\.\d)? KB\)<\/button>/);
  });

  it('hands text within the limit to the renderer it is given', () => {
    const out = renderToStaticMarkup(
      <LongText text="abc">{(text) => <code>{text.toUpperCase()}</code>}</LongText>,
    );
    expect(out).toBe('<code>ABC</code>');
  });
});
