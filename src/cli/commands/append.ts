import type { Command } from '../command';
import { jsonLine } from '../command';
import { undoNote } from '../followup';
import { plural } from '../format';
import { writeResultJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const appendCommand: Command = {
  name: 'append',
  operands: [{ name: 'id' }],
  options: { role: 'required', content: 'required' },
  summary: 'add a message at the end of a session, as the agent would',
  async run(context, [id = ''], { role = '', content = '' }) {
    const { ref } = await locate(context, id);
    const result = await context.call('session.append', { ref, message: { role, content } });
    const { summary } = result;
    await context.print(
      context.json
        ? jsonLine(writeResultJson(result))
        : `Appended one ${cleanLine(role)} message to ${cleanLine(summary.ref.id)} ` +
            `(${plural(summary.turnCount, 'turn')} now)${undoNote(context, result.undoId)}\n`,
    );
  },
};
