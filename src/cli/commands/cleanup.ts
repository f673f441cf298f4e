import { AppError } from '../../shared/errors';
import type { SessionSummary } from '../../shared/model';
import { table, truncate } from '../columns';
import type { Command } from '../command';
import { jsonLine } from '../command';
import type { Context } from '../context';
import { followUp } from '../followup';
import { plural, relativeTime } from '../format';
import { summaryJson } from '../json';
import { cleanLine } from '../sanitize';

const titleWidth = 60;

interface Entry {
  /** Null on a dry run, which moves nothing. */
  trashId: string | null;
  summary: SessionSummary;
  /** The undo of the root's cleanup that moved it; null on a dry run. */
  undoId: string | null;
}

/**
 * Each root's stale sessions, from the roots whose format expires sessions at all. A root that
 * cannot is skipped when it was merely discovered, but refused when named with --root: the user
 * asked for that directory, and a silent "nothing to clean" would say something false about it.
 * Every root is asked before anything moves, so a refusal never comes after a partial cleanup.
 */
async function staleByRoot(context: Context, ttlHours: number): Promise<Map<string, SessionSummary[]>> {
  const found = new Map<string, SessionSummary[]>();
  for (const root of await context.call('roots.list', {})) {
    // An empty directory has no format to ask, and nothing in it to clean.
    if (root.format === null) continue;
    try {
      found.set(root.id, await context.call('sessions.stale', { root: root.id, ttlHours }));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'unsupported')) throw error;
      // With several roots named, the core's refusal alone would not say which one it was.
      if (context.rootsGiven) throw new AppError('unsupported', `${root.path}: ${error.message}`);
    }
  }
  return found;
}

function formatEntries(entries: Entry[], ttlHours: number, dryRun: boolean, context: Context): string {
  const inactive = `inactive for more than ${ttlHours} h`;
  if (entries.length === 0) return `No session has been ${inactive}.\n`;
  const now = new Date();
  const rows = entries.map(({ trashId, summary }) => [
    truncate(cleanLine(summary.title), titleWidth),
    relativeTime(summary.updatedAt, now),
    cleanLine(summary.ref.id),
    ...(trashId === null ? [] : [trashId]),
  ]);
  const heading = ['TITLE', 'UPDATED', 'ID', ...(dryRun ? [] : ['TRASH ID'])];
  const sessions = plural(entries.length, 'session');
  if (dryRun) return `Would move ${sessions} ${inactive} to the app trash:\n${table([heading, ...rows])}`;
  // One undo per root cleaned, each putting back every session it moved.
  const undoIds = [...new Set(entries.map((entry) => entry.undoId))].filter((id) => id !== null);
  return (
    `Moved ${sessions} ${inactive} to the app trash:\n${table([heading, ...rows])}` +
    `restore one with: ${followUp(context, 'restore')} <trash-id>\n` +
    undoIds.map((undoId) => `undo with: ${followUp(context, 'undo', undoId)}\n`).join('')
  );
}

export const cleanupCommand: Command = {
  name: 'cleanup',
  operands: [],
  options: { ttlHours: 'required', dryRun: 'optional' },
  summary: 'move sessions untouched for longer than the TTL to the app trash',
  async run(context, _operands, { ttlHours = 0, dryRun = false }) {
    const stale = await staleByRoot(context, ttlHours);
    const entries: Entry[] = [];
    for (const [root, sessions] of stale) {
      if (dryRun) {
        entries.push(...sessions.map((summary) => ({ trashId: null, summary, undoId: null })));
        continue;
      }
      const moved = await context.call('sessions.cleanup', { root, ttlHours });
      entries.push(
        ...moved.sessions.map((summary, i) => ({
          trashId: moved.trashIds[i] ?? null,
          summary,
          undoId: moved.undoId,
        })),
      );
    }
    await context.print(
      context.json
        ? jsonLine(
            entries.map(({ trashId, summary, undoId }) => ({
              trashId,
              summary: summaryJson(summary),
              undoId,
            })),
          )
        : formatEntries(entries, ttlHours, dryRun, context),
    );
  },
};
