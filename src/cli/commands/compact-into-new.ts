import type { Command } from '../command';
import { jsonLine } from '../command';
import { undoNote } from '../followup';
import { sessionName } from '../format';
import { writeResultJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const compactIntoNewCommand: Command = {
  name: 'compact-into-new',
  operands: [{ name: 'id' }],
  options: { summary: 'required' },
  summary: 'a new session holding only a summary of this one; the source stays as it is',
  async run(context, [id = ''], { summary: text = '' }) {
    const { ref } = await locate(context, id);
    const result = await context.call('session.compactIntoNew', { ref, summary: text });
    const { summary, undoId } = result;
    await context.print(
      context.json
        ? jsonLine(writeResultJson(result))
        : `Compacted ${cleanLine(ref.id)} into ${sessionName(summary.ref.id, summary.title)}` +
            `${undoNote(context, undoId)}\n`,
    );
  },
};
