import type { Command } from '../command';
import { jsonLine } from '../command';
import { plural } from '../format';
import { summaryJson } from '../json';
import { cleanLine } from '../sanitize';

export const undoCommand: Command = {
  name: 'undo',
  operands: [{ name: 'undo-id' }],
  summary: 'reverse an append, remove-last or compact by the id it printed',
  async run(context, [undoId = '']) {
    const summary = await context.call('undo.apply', { undoId });
    await context.print(
      context.json
        ? jsonLine(summaryJson(summary))
        : `Undone: ${cleanLine(summary.ref.id)} ("${cleanLine(summary.title)}") ` +
            `is back as it was (${plural(summary.turnCount, 'turn')}).\n`,
    );
  },
};
