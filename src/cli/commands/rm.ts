import type { Command } from '../command';
import { jsonLine } from '../command';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const rmCommand: Command = {
  name: 'rm',
  operands: ['id'],
  summary: "move a session to the app's trash (undo with restore)",
  async run(context, [id = '']) {
    const ref = await locate(context, id);
    const { trashId, summary } = await context.call('session.delete', { ref });
    await context.print(
      context.json
        ? jsonLine({ trashId, summary: summaryJson(summary) })
        : `Moved ${cleanLine(summary.ref.id)} ("${cleanLine(summary.title)}") to the app trash as ${trashId}; ` +
            `undo with: sessionscope restore ${trashId}\n`,
    );
  },
};
