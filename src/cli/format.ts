/**
 * Human output. Every string that came from a session or a path goes through clean() or
 * cleanLine() before it reaches the terminal; numbers and our own words need not.
 */
import type { RootInfo, SearchedPlace, SessionDetail, SessionSummary, ToolCall, Turn } from '../shared/model';
import { formatLabels } from '../shared/model';
import { table, truncate } from './columns';
import { clean, cleanLine } from './sanitize';

const titleWidth = 60;
const argumentsWidth = 80;
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const two = (n: number) => String(n).padStart(2, '0');

export function localDate(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

export function localTime(iso: string | null): string {
  if (!iso) return 'unknown';
  const date = new Date(iso);
  return `${localDate(date)} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** To the second, where the order of things done within a minute matters. */
export function localSecond(iso: string): string {
  const date = new Date(iso);
  return `${localTime(iso)}:${two(date.getSeconds())}`;
}

/** Recent times read best as an age; past a week (or in the future: a skewed clock) as a date. */
export function relativeTime(iso: string | null, now: Date): string {
  if (!iso) return 'unknown';
  const date = new Date(iso);
  const age = now.getTime() - date.getTime();
  if (age < 0 || age >= 7 * day) return localDate(date);
  if (age < minute) return 'just now';
  if (age < hour) return `${Math.floor(age / minute)} min ago`;
  if (age < day) return `${Math.floor(age / hour)} h ago`;
  return `${Math.floor(age / day)} d ago`;
}

/** How long something has lasted, to the two largest units that matter: "2 h 5 min", "40 s". */
export function formatDuration(ms: number): string {
  const secs = Math.max(0, Math.floor(ms / 1000));
  if (secs < 60) return `${secs} s`;
  const mins = Math.floor(secs / 60);
  if (mins < 60) return `${mins} min`;
  const hours = Math.floor(mins / 60);
  if (hours < 24) return mins % 60 === 0 ? `${hours} h` : `${hours} h ${mins % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** An id, then its title where the format has one; formats without names title a session by its id. */
export function sessionName(id: string, title: string): string {
  return title === id ? cleanLine(id) : `${cleanLine(id)} ("${cleanLine(title)}")`;
}

export const plural = (count: number, word: string, words = `${word}s`) =>
  `${count} ${count === 1 ? word : words}`;

/** Unreadable lines are shown, never hidden (architecture.md: tolerant, visible parsing). */
function healthNote(summary: SessionSummary): string {
  if (summary.health.damaged !== null) return ' [damaged]';
  const unreadable = summary.health.unreadableLines;
  return unreadable > 0 ? ` [${plural(unreadable, 'unreadable line')}]` : '';
}

export function formatRoots(roots: RootInfo[]): string {
  if (roots.length === 0) return 'No roots.\n';
  const rows = roots.map((root) => [
    root.id,
    root.format ? formatLabels[root.format] : 'empty',
    root.origin,
    cleanLine(root.path) + (root.exists ? '' : ' (missing)') + (root.readOnly ? ' (read-only)' : ''),
  ]);
  return table([['ID', 'FORMAT', 'ORIGIN', 'PATH'], ...rows]);
}

export function formatSessionList(sessions: SessionSummary[], now: Date): string {
  if (sessions.length === 0) return 'No sessions.\n';
  const rows = sessions.map((session) => [
    truncate(cleanLine(session.title), titleWidth) + healthNote(session),
    relativeTime(session.updatedAt, now),
    String(session.turnCount),
    cleanLine(session.ref.id),
  ]);
  return table([['TITLE', 'UPDATED', 'TURNS', 'ID'], ...rows], ['left', 'left', 'right', 'left']);
}

/** Where the defaults were looked for, so an empty list says why it is empty. */
export function formatSearched(places: SearchedPlace[]): string {
  if (places.length === 0) return '';
  const rows = places.map((place) => [
    `  ${formatLabels[place.format]}`,
    cleanLine(place.path),
    place.exists ? 'empty' : 'missing',
    `(${cleanLine(place.how)})`,
  ]);
  return `Looked in:\n${table(rows)}`;
}

export function formatHeader(detail: SessionDetail, rootPath: string): string {
  const { summary, compactions } = detail;
  const fields: [string, string][] = [
    ['id', cleanLine(summary.ref.id)],
    ['root', cleanLine(rootPath)],
    ['format', formatLabels[summary.format]],
  ];
  if (summary.projectPath) fields.push(['project', cleanLine(summary.projectPath)]);
  fields.push(
    ['created', localTime(summary.createdAt)],
    ['updated', localTime(summary.updatedAt)],
    ['turns', `${summary.turnCount} (${formatBytes(summary.sizeBytes)})`],
  );
  if (summary.health.unreadableLines > 0) {
    fields.push(['unreadable', plural(summary.health.unreadableLines, 'line')]);
  }
  if (summary.health.damaged !== null) fields.push(['damaged', cleanLine(summary.health.damaged)]);
  if (compactions.length > 0) {
    const folded = compactions.reduce((sum, span) => sum + span.turnCount, 0);
    fields.push([
      'compacted',
      `${plural(folded, 'earlier turn')} in ${plural(compactions.length, 'summary', 'summaries')}`,
    ]);
  }
  const body = table(fields.map(([key, value]) => [`  ${key}`, value]));
  return `${cleanLine(summary.title)}\n${body}`;
}

function formatToolCall(call: ToolCall): string {
  const args = call.arguments === undefined ? '' : (JSON.stringify(call.arguments) ?? '');
  const status = [
    call.success === null ? '' : call.success ? 'ok' : 'failed',
    call.durationMs === null ? '' : `${call.durationMs} ms`,
  ]
    .filter(Boolean)
    .join(', ');
  const line = `${cleanLine(call.name)} ${truncate(cleanLine(args), argumentsWidth)}`.trimEnd();
  return `  → ${line}${status ? ` (${status})` : ''}\n`;
}

export function formatTurn(turn: Turn): string {
  const notice = turn.notice ? ' (notice)' : '';
  const heading = `#${turn.index + 1} ${cleanLine(turn.role)}${notice} · ${localTime(turn.time)}\n`;
  const text = clean(turn.text).trimEnd();
  const body = text ? `${text.replace(/^(?!$)/gm, '  ')}\n` : '';
  return `\n${heading}${body}${turn.toolCalls.map(formatToolCall).join('')}`;
}
