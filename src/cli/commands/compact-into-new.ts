import type { Command } from '../command';
import { jsonLine } from '../command';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const compactIntoNewCommand: Command = {
  name: 'compact-into-new',
  operands: [{ name: 'id' }],
  options: { summary: 'required' },
  summary: 'start a new session whose history is a summary of this one; the source is not changed',
  async run(context, [id = ''], { summary: text = '' }) {
    const { ref } = await locate(context, id);
    const summary = await context.call('session.compactIntoNew', { ref, summary: text });
    await context.print(
      context.json
        ? jsonLine(summaryJson(summary))
        : `Compacted ${cleanLine(ref.id)} into ${cleanLine(summary.ref.id)} ("${cleanLine(summary.title)}").\n`,
    );
  },
};
