import type { ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import type { CompactedSpan, SessionDetail, ToolCall, Turn } from '../model';
import { formatLabels } from '../model';
import { documentLine, documentText, valueText } from './text';
import type { TurnPages } from './types';

/**
 * Session text is Markdown written by a model, and hostile: it may carry raw HTML, javascript:
 * links and remote images meant to run or leak when the export is viewed. Rather than escape
 * characters by guesswork, each text is parsed as the viewer will parse it, the dangerous nodes
 * are turned into literal text, and the tree is written back out, which escapes what needs it and
 * sizes every code fence past the longest backtick run inside. Our own words and every one-line
 * field go in as text nodes, so they are escaped the same way.
 */

const blockParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Only links a person can follow without running anything; the rest stay visible as text. */
const followable = /^(https?:\/\/|mailto:)[^\s]*$/i;

function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)] };
}

/** Block HTML stays readable as a code block; inline HTML, images and unsafe links as text. */
function neutralise(node: Nodes, parent: Nodes['type'], source: string): Nodes {
  const block = blockParents.has(parent);
  switch (node.type) {
    case 'html':
      return block ? { type: 'code', lang: 'html', value: node.value } : text(node.value);
    case 'image':
    case 'imageReference':
      return text(sourceOf(node, source));
    case 'link':
      if (!followable.test(node.url)) return text(sourceOf(node, source));
      break;
    case 'definition':
      if (!followable.test(node.url)) return paragraph(text(sourceOf(node, source)));
      break;
  }
  if ('children' in node) {
    const children: Nodes[] = node.children.map((child) => neutralise(child, node.type, source));
    Object.assign(node, { children });
  }
  return node;
}

function write(children: RootContent[]): string {
  return toMarkdown({ type: 'root', children }, { extensions: [gfmToMarkdown()], bullet: '-', rule: '-' });
}

/** Blocks written apart read as one document when each is its own paragraph. */
function blocks(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('\n');
}

/**
 * The parser takes time quadratic in the delimiters of a paragraph and in the nesting of lists
 * and quotes, and recurses as deep as that nesting: hostile text can make it crawl or overflow
 * the stack. Text past these bounds, or that fails, is shown as written in a code block, which is
 * as safe and costs nothing to make.
 */
const maxFormattedLength = 64 * 1024;
const maxDelimiters = 2000;
/** A line starting with over 256 columns of indentation and list and quote markers; real nesting needs a few dozen. */
const deepLine = /^[ \t>*+\-\d.)]{257}/m;

function formattable(source: string): boolean {
  if (source.length > maxFormattedLength) return false;
  if ((source.match(/[*_~[\]`<>]/g)?.length ?? 0) > maxDelimiters) return false;
  return !deepLine.test(source);
}

function sessionMarkdown(markdown: string): string {
  const source = documentText(markdown);
  if (formattable(source)) {
    try {
      const tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      return write((neutralise(tree, 'root', source) as Root).children);
    } catch {
      // Too deep to format: shown as written below.
    }
  }
  return write([
    paragraph({
      type: 'emphasis',
      children: [text('Shown as written: too large or too deeply nested to format.')],
    }),
    { type: 'code', lang: 'markdown', value: source },
  ]);
}

function field(name: string, value: string): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph(strong(`${name}:`), text(` ${value}`))] };
}

function header(detail: SessionDetail): string {
  const { summary } = detail;
  const fields = [
    field('Format', formatLabels[summary.format]),
    field('Session', documentLine(summary.ref.id)),
  ];
  if (summary.projectPath) fields.push(field('Project', documentLine(summary.projectPath)));
  fields.push(
    field('Created', summary.createdAt ?? 'unknown'),
    field('Updated', summary.updatedAt ?? 'unknown'),
    field('Turns', String(summary.turnCount)),
  );
  return write([
    { type: 'heading', depth: 1, children: [text(documentLine(summary.title))] },
    { type: 'list', ordered: false, spread: false, children: fields },
  ]);
}

function compaction(span: CompactedSpan): string {
  const when = span.startTime || span.endTime ? `, ${span.startTime ?? '?'} – ${span.endTime ?? '?'}` : '';
  const count = `${span.turnCount} earlier ${span.turnCount === 1 ? 'turn' : 'turns'}, compacted`;
  return blocks(write([paragraph(strong(count), text(when))]), sessionMarkdown(span.summary));
}

function toolCall(call: ToolCall): string {
  const status = [
    call.success === null ? '' : call.success ? 'ok' : 'failed',
    call.durationMs === null ? '' : `${call.durationMs} ms`,
  ].filter(Boolean);
  const children: RootContent[] = [
    paragraph(
      strong('Tool call:'),
      text(' '),
      { type: 'inlineCode', value: documentLine(call.name) },
      text(status.length > 0 ? ` (${status.join(', ')})` : ''),
    ),
  ];
  if (call.arguments !== undefined) {
    children.push(paragraph(text('Arguments:')), {
      type: 'code',
      lang: 'json',
      value: documentText(JSON.stringify(call.arguments, null, 2) ?? ''),
    });
  }
  if (call.result !== undefined && call.result !== null) {
    children.push(paragraph(text('Result:')), {
      type: 'code',
      lang: typeof call.result === 'string' ? null : 'json',
      value: documentText(valueText(call.result)),
    });
  }
  return write(children);
}

function turn(turn: Turn): string {
  const notice = turn.notice ? ' (notice)' : '';
  const heading: RootContent[] = [
    {
      type: 'heading',
      depth: 2,
      children: [text(`Turn ${turn.index + 1} · ${documentLine(turn.role)}${notice}`)],
    },
  ];
  if (turn.time) heading.push(paragraph({ type: 'emphasis', children: [text(turn.time)] }));
  return blocks(write(heading), sessionMarkdown(turn.text), ...turn.toolCalls.map(toolCall));
}

/** The session as one Markdown document, a turn at a time. */
export async function* exportMarkdown(detail: SessionDetail, pages: TurnPages): AsyncGenerator<string> {
  const compacted = detail.compactions.map(compaction);
  yield blocks(
    header(detail),
    compacted.length > 0 ? write([{ type: 'heading', depth: 2, children: [text('Compacted history')] }]) : '',
    ...compacted,
  );
  for await (const page of pages) {
    for (const each of page) yield `\n${turn(each)}`;
  }
}
