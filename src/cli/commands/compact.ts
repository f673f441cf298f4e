import type { CompactPreview } from '../../shared/model';
import { table, truncate } from '../columns';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { undoNote } from '../followup';
import { plural } from '../format';
import { droppedLineJson, writeResultJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

const reasonWidth = 50;
const previewWidth = 60;

function formatPreview(id: string, { dropped, keptMessages }: CompactPreview): string {
  const kept = plural(keptMessages, 'message');
  if (dropped.length === 0) return `Nothing to drop from ${id}: no blank or unreadable lines (${kept}).\n`;
  const rows = dropped.map((line) => [
    String(line.lineNumber),
    truncate(cleanLine(line.reason), reasonWidth),
    truncate(cleanLine(line.preview), previewWidth),
  ]);
  return (
    `Compacting ${id} would drop ${plural(dropped.length, 'line')} and keep ${kept}:\n` +
    table([['LINE', 'REASON', 'TEXT'], ...rows], ['right', 'left', 'left'])
  );
}

export const compactCommand: Command = {
  name: 'compact',
  operands: [{ name: 'id' }],
  options: { dryRun: 'optional' },
  summary: 'rewrite a session without its blank and unreadable lines',
  async run(context, [id = ''], { dryRun }) {
    const { ref } = await locate(context, id);
    const shownId = cleanLine(ref.id);
    // The write's answer does not say how much it dropped, so the preview is what counts the
    // lines, as it does for the dialog in the app.
    const preview = await context.call('session.compactPreview', { ref });
    if (dryRun) {
      await context.print(
        context.json
          ? jsonLine({ dropped: preview.dropped.map(droppedLineJson), keptMessages: preview.keptMessages })
          : formatPreview(shownId, preview),
      );
      return;
    }
    const result = await context.call('session.compact', { ref });
    // Nothing to undo means nothing was rewritten, whatever the preview saw a moment before.
    const droppedLines = result.undoId === null ? 0 : preview.dropped.length;
    if (context.json) {
      await context.print(jsonLine({ ...writeResultJson(result), droppedLines }));
    } else if (result.undoId === null) {
      await context.print(
        `Nothing to drop from ${shownId}: no blank or unreadable lines, so nothing was rewritten.\n`,
      );
    } else {
      await context.print(
        `Compacted ${shownId}: dropped ${plural(droppedLines, 'line')} ` +
          `(${plural(result.summary.turnCount, 'turn')} now)${undoNote(context, result.undoId)}\n`,
      );
    }
  },
};
