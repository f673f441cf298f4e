import { resolve } from 'node:path';
import { exportSession, turnPages } from '../../shared/export';
import { writeFileAtomically } from '../../core/atomic-file';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

/**
 * The export is written as it is made, a page of turns at a time, to stdout or through a
 * temporary file into --out: sessions reach several gigabytes and are never held whole.
 */
export const exportCommand: Command = {
  name: 'export',
  operands: [{ name: 'id' }],
  options: { to: 'required', out: 'optional' },
  summary: 'one session as a Markdown, HTML or JSON document',
  async run(context, [id = ''], { to = 'md', out }) {
    const { ref } = await locate(context, id);
    const detail = await context.call('session.get', { ref });
    const pages = turnPages((from, count) => context.call('session.turns', { ref, from, count }));
    const chunks = exportSession(to, detail, pages);
    if (out === undefined) {
      for await (const chunk of chunks) await context.print(chunk);
      return;
    }
    const path = resolve(context.cwd, out);
    await writeFileAtomically(path, chunks);
    await context.print(context.json ? jsonLine({ path, format: to }) : `exported to ${cleanLine(path)}\n`);
  },
};
