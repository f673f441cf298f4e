import type { Command } from '../command';
import { jsonLine } from '../command';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const renameCommand: Command = {
  name: 'rename',
  operands: [{ name: 'id' }, { name: 'name' }],
  summary: "give a session a new name: in the agent's own file, or the app's where it has none (yoi)",
  async run(context, [id = '', title = '']) {
    const { ref } = await locate(context, id);
    const summary = await context.call('session.rename', { ref, title });
    await context.print(
      context.json
        ? jsonLine(summaryJson(summary))
        : `Renamed ${cleanLine(summary.ref.id)} to "${cleanLine(summary.title)}".\n`,
    );
  },
};
