import type { Command } from '../command';
import { jsonLine } from '../command';
import { undoNote } from '../followup';
import { plural } from '../format';
import { writeResultJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const removeLastCommand: Command = {
  name: 'remove-last',
  operands: [{ name: 'id' }],
  summary: "drop a session's last message, e.g. a question never answered",
  async run(context, [id = '']) {
    const { ref } = await locate(context, id);
    const result = await context.call('session.removeLast', { ref });
    const { summary, undoId } = result;
    const shownId = cleanLine(summary.ref.id);
    if (context.json) {
      await context.print(jsonLine(writeResultJson(result)));
    } else if (undoId === null) {
      // A write with nothing to undo changed nothing: the session had no message to remove.
      await context.print(`${shownId} has no messages; nothing was removed.\n`);
    } else {
      await context.print(
        `Removed the last message of ${shownId} ` +
          `(${plural(summary.turnCount, 'turn')} left)${undoNote(context, undoId)}\n`,
      );
    }
  },
};
