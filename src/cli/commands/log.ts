import type { AuditEntry } from '../../shared/history';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { localSecond, sessionName } from '../format';
import { auditEntryJson } from '../json';
import { cleanLine } from '../sanitize';

const keyWidth = 'undone by'.length;

/** Enough of a sha256 to tell versions of a file apart by eye; --json has them whole. */
function shortHash(sha256: string | null): string {
  return sha256 === null ? 'none' : cleanLine(sha256.slice(0, 12));
}

/**
 * Every string here but the field names came from the log file, and titles, details and errors
 * from sessions, so each is cleaned.
 */
function formatEntry(entry: AuditEntry): string {
  const undone = entry.undoneBy === null ? '' : ' (undone)';
  // The id is what undo takes, and what another entry's "undoes" and "undone by" name.
  const head = [
    localSecond(entry.at),
    cleanLine(entry.operation),
    cleanLine(entry.status) + undone,
    cleanLine(entry.id),
  ];
  const fields: [string, string][] = entry.sessions.map((session) => [
    'session',
    sessionName(session.ref.id, session.title),
  ]);
  if (entry.detail !== null) fields.push(['detail', cleanLine(entry.detail)]);
  if (entry.error !== null) fields.push(['error', cleanLine(entry.error)]);
  for (const file of entry.files) {
    fields.push([
      'file',
      `${cleanLine(file.path)}  ${shortHash(file.sha256Before)} → ${shortHash(file.sha256After)}`,
    ]);
  }
  if (entry.undoes !== null) fields.push(['undoes', cleanLine(entry.undoes)]);
  if (entry.undoneBy !== null) fields.push(['undone by', cleanLine(entry.undoneBy)]);
  // One key width for every entry, so the values line up down the whole log.
  const body = fields.map(([key, value]) => `  ${key.padEnd(keyWidth)}  ${value}\n`).join('');
  return `${head.join('  ')}\n${body}`;
}

export const logCommand: Command = {
  name: 'log',
  operands: [],
  options: { limit: 'optional' },
  summary: "the app's writes, newest first, with each file's sha256 before and after",
  async run(context, _operands, { limit }) {
    const entries = await context.call('audit.list', limit === undefined ? {} : { limit });
    if (context.json) {
      await context.print(jsonLine(entries.map(auditEntryJson)));
    } else if (entries.length === 0) {
      await context.print('No writes recorded.\n');
    } else {
      await context.print(entries.map(formatEntry).join('\n'));
    }
  },
};
