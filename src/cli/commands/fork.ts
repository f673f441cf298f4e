import type { Command } from '../command';
import { jsonLine } from '../command';
import { sessionName } from '../format';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

export const forkCommand: Command = {
  name: 'fork',
  operands: [{ name: 'id' }],
  options: { at: 'required' },
  summary: 'a new session with the history up to one entry; the source stays as it is',
  async run(context, [id = ''], { at = '' }) {
    const { ref } = await locate(context, id);
    const summary = await context.call('session.forkAt', { ref, atHash: at });
    await context.print(
      context.json
        ? jsonLine(summaryJson(summary))
        : `Forked ${cleanLine(ref.id)} at ${at.slice(0, 12)}… into ${sessionName(summary.ref.id, summary.title)}.\n`,
    );
  },
};
