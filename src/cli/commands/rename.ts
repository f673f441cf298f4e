import type { Command } from '../command';
import { jsonLine } from '../command';
import { undoNote } from '../followup';
import { writeResultJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const renameCommand: Command = {
  name: 'rename',
  operands: [{ name: 'id' }, { name: 'name' }],
  summary: "give a session a new name: in the agent's own file, or the app's where it has none (yoi)",
  async run(context, [id = '', title = '']) {
    const { ref } = await locate(context, id);
    const result = await context.call('session.rename', { ref, title });
    const { summary, undoId } = result;
    await context.print(
      context.json
        ? jsonLine(writeResultJson(result))
        : `Renamed ${cleanLine(summary.ref.id)} to "${cleanLine(summary.title)}"${undoNote(context, undoId)}\n`,
    );
  },
};
