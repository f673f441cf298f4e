import { AppError, isAppError } from '../../shared/errors';
import { madeFromCount } from '../../shared/lineage';
import type { SessionRef } from '../../shared/model';
import type { Command } from '../command';
import { jsonLine } from '../command';
import type { Context } from '../context';
import { undoNote } from '../followup';
import { plural } from '../format';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

/** Sessions forked or compacted from this one; formats without lineage have none. */
async function madeFrom(context: Context, ref: SessionRef): Promise<number> {
  try {
    return madeFromCount(await context.call('session.lineage', { ref }), ref);
  } catch (error) {
    if (isAppError(error) && error.code === 'unsupported') return 0;
    throw error;
  }
}

export const rmCommand: Command = {
  name: 'rm',
  operands: [{ name: 'id' }],
  options: { force: 'optional' },
  summary: 'move a session to the app trash; undo or restore takes it back',
  async run(context, [id = ''], { force }) {
    const { ref } = await locate(context, id);
    const made = force ? 0 : await madeFrom(context, ref);
    if (made > 0) {
      throw new AppError(
        'conflict',
        `${plural(made, 'session')} ${made === 1 ? 'was' : 'were'} forked or compacted from ${ref.id}; ` +
          'their link would point at a session in the trash (delete anyway with --force)',
      );
    }
    const { trashId, summary, undoId } = await context.call('session.delete', { ref });
    if (context.json) {
      await context.print(jsonLine({ trashId, summary: summaryJson(summary), undoId }));
      return;
    }
    await context.print(
      `Moved ${cleanLine(summary.ref.id)} ("${cleanLine(summary.title)}") to the app trash as ` +
        `${cleanLine(trashId)}${undoNote(context, undoId)}\n`,
    );
  },
};
