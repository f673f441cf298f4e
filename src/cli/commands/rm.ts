import type { Command } from '../command';
import { jsonLine } from '../command';
import { followUp } from '../followup';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const rmCommand: Command = {
  name: 'rm',
  operands: [{ name: 'id' }],
  summary: "move a session to the app's trash (undo with restore)",
  async run(context, [id = '']) {
    const { ref } = await locate(context, id);
    const { trashId, summary } = await context.call('session.delete', { ref });
    if (context.json) {
      await context.print(jsonLine({ trashId, summary: summaryJson(summary) }));
      return;
    }
    await context.print(
      `Moved ${cleanLine(summary.ref.id)} ("${cleanLine(summary.title)}") to the app trash as ${trashId}; ` +
        `undo with: ${followUp(context, 'restore', trashId)}\n`,
    );
  },
};
