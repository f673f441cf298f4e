import type { Command } from '../command';
import { jsonLine } from '../command';
import { summaryJson } from '../json';
import { cleanLine } from '../sanitize';

export const restoreCommand: Command = {
  name: 'restore',
  operands: [{ name: 'trash-id' }],
  summary: 'put a session that rm moved to the trash back where it was',
  async run(context, [trashId = '']) {
    const summary = await context.call('trash.restore', { trashId });
    await context.print(
      context.json
        ? jsonLine(summaryJson(summary))
        : `Restored ${cleanLine(summary.ref.id)} ("${cleanLine(summary.title)}").\n`,
    );
  },
};
