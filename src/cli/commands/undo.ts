import type { Command } from '../command';
import { jsonLine } from '../command';
import { undoResultJson } from '../json';
import { cleanLine } from '../sanitize';

export const undoCommand: Command = {
  name: 'undo',
  operands: [{ name: 'undo-id', optional: true }],
  summary: 'reverse a write by the undo id it printed, or else the latest not yet undone',
  async run(context, [undoId]) {
    const result =
      undoId === undefined
        ? await context.call('undo.last', {})
        : await context.call('undo.apply', { undoId });
    await context.print(context.json ? jsonLine(undoResultJson(result)) : `${cleanLine(result.message)}\n`);
  },
};
