import type { Command } from '../command';
import { jsonLine } from '../command';
import { formatSearched, formatSessionList } from '../format';
import { summaryJson } from '../json';

export const listCommand: Command = {
  name: 'list',
  operands: [],
  summary: 'every session in every root, most recently updated first',
  async run(context) {
    const sessions = await context.call('sessions.list', {});
    if (context.json) {
      await context.print(jsonLine(sessions.map(summaryJson)));
      return;
    }
    await context.print(formatSessionList(sessions, new Date()));
    if (sessions.length === 0 && !context.rootsGiven) {
      await context.print(formatSearched((await context.call('app.info', {})).searched));
    }
  },
};
