import type { Command } from '../command';
import { jsonLine } from '../command';
import { undoNote } from '../followup';
import { sessionName } from '../format';
import { writeResultJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const forkCommand: Command = {
  name: 'fork',
  operands: [{ name: 'id' }],
  options: { at: 'required' },
  summary: 'a new session with the history up to one entry; the source stays as it is',
  async run(context, [id = ''], { at = '' }) {
    const { ref } = await locate(context, id);
    const result = await context.call('session.forkAt', { ref, atHash: at });
    const { summary, undoId } = result;
    await context.print(
      context.json
        ? jsonLine(writeResultJson(result))
        : `Forked ${cleanLine(ref.id)} at ${at.slice(0, 12)}… into ` +
            `${sessionName(summary.ref.id, summary.title)}${undoNote(context, undoId)}\n`,
    );
  },
};
