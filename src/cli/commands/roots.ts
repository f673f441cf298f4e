import type { Command } from '../command';
import { jsonLine } from '../command';
import { formatRoots, formatSearched } from '../format';
import { rootJson } from '../json';

export const rootsCommand: Command = {
  name: 'roots',
  operands: [],
  summary: 'the directories searched for sessions, with their format and origin',
  async run(context) {
    const roots = await context.call('roots.list', {});
    if (context.json) {
      await context.print(jsonLine(roots.map(rootJson)));
      return;
    }
    await context.print(formatRoots(roots));
    if (roots.length === 0)
      await context.print(formatSearched((await context.call('app.info', {})).searched));
  },
};
