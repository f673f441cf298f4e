import type { TrashItem } from '../../shared/history';
import { formatLabels } from '../../shared/model';
import { table, truncate } from '../columns';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { formatBytes, localDate, relativeTime } from '../format';
import { trashItemJson } from '../json';
import { cleanLine } from '../sanitize';

const titleWidth = 50;

function formatTrash(items: TrashItem[], now: Date): string {
  if (items.length === 0) return 'The trash is empty.\n';
  const rows = items.map((item) => [
    cleanLine(item.trashId),
    relativeTime(item.deletedAt, now),
    formatLabels[item.format],
    // A delete cut short left part of the session behind; restore puts back what reached the trash.
    truncate(cleanLine(item.title), titleWidth) + (item.state === 'moving' ? ' [partly moved]' : ''),
    formatBytes(item.sizeBytes),
    localDate(new Date(item.expiresAt)),
    cleanLine(item.sessionId),
  ]);
  return table(
    [['TRASH ID', 'DELETED', 'FORMAT', 'TITLE', 'SIZE', 'EXPIRES', 'ID'], ...rows],
    ['left', 'left', 'left', 'left', 'right', 'left', 'left'],
  );
}

export const trashCommand: Command = {
  name: 'trash',
  operands: [],
  summary: 'the sessions in the app trash, newest first, with when each is purged',
  async run(context) {
    const items = await context.call('trash.list', {});
    await context.print(context.json ? jsonLine(items.map(trashItemJson)) : formatTrash(items, new Date()));
  },
};
