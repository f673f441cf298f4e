import { relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Command } from '../command';
import { jsonLine } from '../command';
import type { Context } from '../context';
import { formatRoots, formatSearched } from '../format';
import { rootJson } from '../json';

export const rootsCommand: Command = {
  name: 'roots',
  operands: [
    { name: 'action', optional: true, choices: ['add', 'remove'] },
    { name: 'dir-or-id', optional: true },
  ],
  summary: 'the directories searched for sessions; add DIR, or remove ID, kept in the settings',
  async run(context, [action, target]) {
    if (action !== undefined && target === undefined)
      throw new AppError(
        'invalid_input',
        `roots ${action} needs a ${action === 'add' ? 'directory' : 'root id'}`,
      );
    if (action === 'add' && target !== undefined) {
      const root = await context.call('roots.add', {
        folder: await folderOf(context, resolve(context.cwd, target)),
      });
      await context.print(context.json ? jsonLine(rootJson(root)) : formatRoots([root]));
      return;
    }
    if (action === 'remove' && target !== undefined) {
      const rest = await context.call('roots.remove', { root: target });
      await context.print(context.json ? jsonLine(rest.map(rootJson)) : formatRoots(rest));
      return;
    }
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

/**
 * The folder token for a directory, found the way the app's own folder browser finds one: by
 * walking down from the file-system root, so the contract never has to take a path.
 */
async function folderOf(context: Context, path: string): Promise<string> {
  const home = await context.call('folders.browse', {});
  const top = home.trail[0];
  if (!top) throw new AppError('io', 'the folder browser has no root folder');
  let listing = await context.call('folders.browse', { folder: top.id });
  for (const name of relative(listing.path, path).split(sep).filter(Boolean)) {
    const next = listing.folders.find((folder) => folder.name === name);
    if (!next) throw new AppError('not_found', `${path} is not a folder`);
    listing = await context.call('folders.browse', { folder: next.id });
  }
  return listing.id;
}
