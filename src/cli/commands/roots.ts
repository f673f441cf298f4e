import type { Command } from '../command';
import { jsonLine } from '../command';
import { formatRoots } from '../format';
import { rootJson } from '../json';

export const rootsCommand: Command = {
  name: 'roots',
  operands: [],
  summary: 'the directories searched for sessions, with their format and origin',
  async run(context) {
    const roots = await context.call('roots.list', {});
    await context.print(context.json ? jsonLine(roots.map(rootJson)) : formatRoots(roots));
  },
};
