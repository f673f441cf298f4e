import type { TrashItem } from '../../shared/history';
import { formatLabels } from '../../shared/model';
import { table, truncate } from '../columns';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { UsageError } from '../errors';
import { plural, sessionName } from '../format';
import { usageOf } from '../help';
import { cleanLine } from '../sanitize';
import { batchError, trashItemsNamed } from '../trash-items';

const titleWidth = 60;

function question(items: TrashItem[]): string {
  const rows = items.map((item) => [
    `  ${cleanLine(item.trashId)}`,
    formatLabels[item.format],
    truncate(cleanLine(item.title), titleWidth),
  ]);
  return `${table(rows)}Delete ${plural(items.length, 'session')} for good? [y/N] `;
}

/**
 * Nothing can undo a purge, so it is confirmed first: on a terminal by asking, elsewhere only by
 * --yes, so that a script never deletes for good unless it says so. Without either it refuses
 * before reading the trash at all.
 */
export const purgeCommand: Command = {
  name: 'purge',
  operands: [{ name: 'trash-id', repeats: true }],
  options: { yes: 'optional' },
  summary: 'delete sessions in the app trash for good; nothing can undo it',
  async run(context, operands, { yes = false }) {
    if (!yes && !context.interactive) {
      throw new UsageError(
        `purge deletes for good, and there is no terminal to confirm on: pass --yes to delete anyway; usage: ${usageOf(purgeCommand)}`,
      );
    }
    const items = await trashItemsNamed(context, operands);
    if (!yes && !(await context.confirm(question(items)))) {
      await context.print(context.json ? jsonLine({ purged: [], failures: [] }) : 'Nothing was deleted.\n');
      return;
    }
    const result = await context.call('trash.purge', { trashIds: items.map((item) => item.trashId) });
    const purged = items.filter((item) => result.purged.includes(item.trashId));
    await context.print(
      context.json
        ? jsonLine({
            purged: result.purged,
            failures: result.failures.map(({ trashId, message }) => ({ trashId, message })),
          })
        : purged.map((item) => `Deleted ${sessionName(item.sessionId, item.title)} for good.\n`).join(''),
    );
    if (result.failures.length > 0) throw batchError('deleted', items.length, result.failures);
  },
};
