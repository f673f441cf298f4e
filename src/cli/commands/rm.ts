import type { Command } from '../command';
import { jsonLine } from '../command';
import { summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

/** Quoted for a POSIX shell only when it has to be, so the undo line can be pasted as it is. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const rmCommand: Command = {
  name: 'rm',
  operands: ['id'],
  summary: "move a session to the app's trash (undo with restore)",
  async run(context, [id = '']) {
    const ref = await locate(context, id);
    const { trashId, summary } = await context.call('session.delete', { ref });
    if (context.json) {
      await context.print(jsonLine({ trashId, summary: summaryJson(summary) }));
      return;
    }
    const home = context.homeGiven === undefined ? '' : ` --home ${shellWord(context.homeGiven)}`;
    await context.print(
      `Moved ${cleanLine(summary.ref.id)} ("${cleanLine(summary.title)}") to the app trash as ${trashId}; ` +
        `${cleanLine(`undo with: sessionscope${home} restore ${trashId}`)}\n`,
    );
  },
};
