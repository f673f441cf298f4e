import { trashIdSchema } from '../shared/api';
import { AppError } from '../shared/errors';
import type { ErrorCode } from '../shared/errors';
import type { TrashItem } from '../shared/history';
import type { Context } from './context';
import { followUp } from './followup';
import { plural } from './format';

/**
 * The trash items named on the command line, each once, in the order given. An id the trash does
 * not hold is refused before anything changes, so a typo among several ids never leaves a batch
 * half done, and a purge never asks about sessions it would not delete.
 */
export async function trashItemsNamed(context: Context, trashIds: string[]): Promise<TrashItem[]> {
  const wanted = [...new Set(trashIds)];
  for (const trashId of wanted) {
    if (!trashIdSchema.safeParse(trashId).success) {
      throw new AppError('invalid_input', `not a trash id: "${trashId}"`);
    }
  }
  const items = new Map((await context.call('trash.list', {})).map((item) => [item.trashId, item]));
  return wanted.map((trashId) => {
    const item = items.get(trashId);
    if (!item)
      throw new AppError('not_found', `no trash item ${trashId} (see ${followUp(context, 'trash')})`);
    return item;
  });
}

/** A batch that failed for some items, as the one error line, with the first failure's code. */
export function batchError(
  verb: string,
  total: number,
  failures: { trashId: string; code: ErrorCode; message: string }[],
): AppError {
  const each = failures.map(({ trashId, message }) => `${trashId}: ${message}`).join('; ');
  const code = failures[0]?.code ?? 'io';
  return new AppError(code, `${failures.length} of ${plural(total, 'session')} not ${verb}: ${each}`);
}
