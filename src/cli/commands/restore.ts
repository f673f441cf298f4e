import type { SessionSummary } from '../../shared/model';
import type { BulkRestoreResult } from '../../shared/history';
import type { Command } from '../command';
import { jsonLine } from '../command';
import type { Context } from '../context';
import { followUp, undoNote } from '../followup';
import { sessionName } from '../format';
import { summaryJson } from '../json';
import { batchError, trashItemsNamed } from '../trash-items';

interface Restored {
  summaries: SessionSummary[];
  undoId: string | null;
  failures: BulkRestoreResult['failures'];
}

/** One id through trash.restore, so its failure keeps the core's own code (a conflict, say). */
async function restore(context: Context, trashIds: string[]): Promise<Restored> {
  const [only] = trashIds;
  if (only !== undefined && trashIds.length === 1) {
    const { summary, undoId } = await context.call('trash.restore', { trashId: only });
    return { summaries: [summary], undoId, failures: [] };
  }
  return context.call('trash.restoreMany', { trashIds });
}

function formatRestored(context: Context, { summaries, undoId }: Restored): string {
  const [only] = summaries;
  if (only && summaries.length === 1) {
    return `Restored ${sessionName(only.ref.id, only.title)}${undoNote(context, undoId)}\n`;
  }
  const lines = summaries.map((summary) => `Restored ${sessionName(summary.ref.id, summary.title)}\n`);
  return lines.join('') + (undoId === null ? '' : `undo all with: ${followUp(context, 'undo', undoId)}\n`);
}

export const restoreCommand: Command = {
  name: 'restore',
  operands: [{ name: 'trash-id', repeats: true }],
  summary: 'put sessions from the app trash back where they were, under one undo',
  async run(context, operands) {
    const trashIds = (await trashItemsNamed(context, operands)).map((item) => item.trashId);
    const result = await restore(context, trashIds);
    await context.print(
      context.json
        ? jsonLine({
            restored: result.summaries.map(summaryJson),
            undoId: result.undoId,
            failures: result.failures.map(({ trashId, message }) => ({ trashId, message })),
          })
        : formatRestored(context, result),
    );
    // What was restored is printed either way; the error line and exit 1 say the rest was not.
    if (result.failures.length > 0) {
      throw batchError('restored', trashIds.length, result.failures);
    }
  },
};
