import type { Command } from '../command';
import { formatHeader, formatTurn } from '../format';
import { summaryJson, turnJson } from '../json';
import { locate } from '../locate';

/** The contract's largest page. */
const pageSize = 500;

/**
 * Sessions reach several gigabytes, so turns are printed page by page as they arrive; the JSON
 * document is written in pieces for the same reason.
 */
export const showCommand: Command = {
  name: 'show',
  operands: [{ name: 'id' }],
  summary: 'one session: its details, then every turn with its tool calls',
  async run(context, [id = '']) {
    const { ref } = await locate(context, id);
    const detail = await context.call('session.get', { ref });
    if (context.json) {
      await context.print(`{"summary":${JSON.stringify(summaryJson(detail.summary))},"turns":[`);
    } else {
      const root = (await context.call('roots.list', {})).find((candidate) => candidate.id === ref.root);
      await context.print(formatHeader(detail, root?.path ?? ref.root));
    }
    let from = 0;
    for (;;) {
      const page = await context.call('session.turns', { ref, from, count: pageSize });
      if (context.json) {
        const items = page.turns.map((turn) => JSON.stringify(turnJson(turn)));
        if (items.length > 0) await context.print((from > 0 ? ',' : '') + items.join(','));
      } else {
        await context.print(page.turns.map(formatTurn).join(''));
      }
      from += page.turns.length;
      // An empty page ends the loop even if the total still claims more: a session that shrank
      // while being read must not spin forever.
      if (page.turns.length === 0 || from >= page.total) break;
    }
    if (context.json) await context.print(']}\n');
  },
};
