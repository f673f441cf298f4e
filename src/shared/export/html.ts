import type { CompactedSpan, SessionDetail, ToolCall, Turn } from '../model';
import { formatLabels } from '../model';
import { documentLine, documentText, valueText } from './text';
import type { TurnPages } from './types';

/**
 * One self-contained page that works offline and can run nothing: no script, no event handler,
 * no URL of any kind, and a policy that would refuse them anyway. Every piece of session text is
 * escaped and shown as text; links stay unclickable and nothing is loaded, because a page that
 * fetched a session's image would tell its server the session was read. Session strings in our
 * own lines are bidi-isolated so a right-to-left override cannot reorder the labels around them.
 */

const policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const style = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #ffffff; --muted: #6e6e73; --rule: #d2d2d7; --code: #f5f5f7; --notice: #fff4e5; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #f5f5f7; --bg: #1c1c1e; --muted: #a1a1a6; --rule: #3a3a3c; --code: #2c2c2e; --notice: #3a2e1a; }
}
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 2rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
section { border-top: 1px solid var(--rule); padding: 1rem 0; }
section.notice { background: var(--notice); padding: 1rem; }
h2 { font-size: 1rem; margin: 0 0 0.5rem; }
time, .status { color: var(--muted); font-weight: normal; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.code { white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.4 ui-monospace, monospace; background: var(--code); padding: 0.5rem; border-radius: 4px; margin: 0.25rem 0 0.75rem; }
details { margin: 0.5rem 0; }
summary { cursor: pointer; }
.label { color: var(--muted); font-size: 13px; }
`;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** A multi-line session text, escaped, as a block of its own. */
function block(className: 'text' | 'code', text: string): string {
  return `<div class="${className}">${escape(documentText(text))}</div>\n`;
}

/** A one-line session string inside our own words. */
function inline(text: string): string {
  return `<bdi>${escape(documentLine(text))}</bdi>`;
}

function field(name: string, value: string): string {
  return `<dt>${name}</dt><dd>${value}</dd>\n`;
}

function header(detail: SessionDetail): string {
  const { summary } = detail;
  const fields = [field('Format', formatLabels[summary.format]), field('Session', inline(summary.ref.id))];
  if (summary.projectPath) fields.push(field('Project', inline(summary.projectPath)));
  fields.push(
    field('Created', inline(summary.createdAt ?? 'unknown')),
    field('Updated', inline(summary.updatedAt ?? 'unknown')),
    field('Turns', String(summary.turnCount)),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(documentLine(summary.title))}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${inline(summary.title)}</h1>
<dl>
${fields.join('')}</dl>
`;
}

function compaction(span: CompactedSpan): string {
  const count = `${span.turnCount} earlier ${span.turnCount === 1 ? 'turn' : 'turns'}, compacted`;
  const when =
    span.startTime || span.endTime
      ? ` <span class="status">${inline(span.startTime ?? '?')} – ${inline(span.endTime ?? '?')}</span>`
      : '';
  return `<section class="compacted">\n<h2>${count}${when}</h2>\n${block('text', span.summary)}</section>\n`;
}

function toolCall(call: ToolCall): string {
  const status = [
    call.success === null ? '' : call.success ? 'ok' : 'failed',
    call.durationMs === null ? '' : `${call.durationMs} ms`,
  ].filter(Boolean);
  const parts = [
    `<details>\n<summary>Tool call: <code>${inline(call.name)}</code>`,
    status.length > 0 ? ` <span class="status">(${status.join(', ')})</span>` : '',
    '</summary>\n',
  ];
  if (call.arguments !== undefined) {
    parts.push(
      '<div class="label">Arguments</div>\n',
      block('code', JSON.stringify(call.arguments, null, 2) ?? ''),
    );
  }
  if (call.result !== undefined && call.result !== null) {
    parts.push('<div class="label">Result</div>\n', block('code', valueText(call.result)));
  }
  parts.push('</details>\n');
  return parts.join('');
}

function turn(turn: Turn): string {
  const notice = turn.notice ? ' (notice)' : '';
  const time = turn.time ? ` <time>${inline(turn.time)}</time>` : '';
  return [
    `<section${turn.notice ? ' class="notice"' : ''}>\n`,
    `<h2>Turn ${turn.index + 1} · ${inline(turn.role)}${notice}${time}</h2>\n`,
    turn.text === '' ? '' : block('text', turn.text),
    ...turn.toolCalls.map(toolCall),
    '</section>\n',
  ].join('');
}

/** The session as one HTML document, a page of turns at a time. */
export async function* exportHtml(detail: SessionDetail, pages: TurnPages): AsyncGenerator<string> {
  yield header(detail) + detail.compactions.map(compaction).join('');
  for await (const page of pages) yield page.map(turn).join('');
  yield '</main>\n</body>\n</html>\n';
}
