import type { Command } from '../command';
import { jsonLine } from '../command';
import { sessionName } from '../format';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const compactIntoNewCommand: Command = {
  name: 'compact-into-new',
  operands: [{ name: 'id' }],
  options: { summary: 'required' },
  summary: 'a new session holding only a summary of this one; the source stays as it is',
  async run(context, [id = ''], { summary: text = '' }) {
    const { ref } = await locate(context, id);
    const summary = await context.call('session.compactIntoNew', { ref, summary: text });
    await context.print(
      context.json
        ? jsonLine(summaryJson(summary))
        : `Compacted ${cleanLine(ref.id)} into ${sessionName(summary.ref.id, summary.title)}.\n`,
    );
  },
};
