import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { formatIds } from '../../shared/model';
import type { FormatId } from '../../shared/model';
import type { UndoStep } from '../formats/format';
import { fromFsError } from '../fs-errors';
import { parseJsonOrUndefined } from '../json';
import { retryingWhileLocked } from '../rename-retry';

const recordSchema = z.object({
  version: z.literal(1),
  undoId: z.string(),
  at: z.string(),
  operation: z.string(),
  format: z.enum(formatIds),
  root: z.object({ id: z.string(), path: z.string() }),
  sessionId: z.string(),
  step: z.record(z.string(), z.unknown()),
});
export type UndoRecord = z.infer<typeof recordSchema>;

/**
 * How to reverse each write, kept on disk in the app-data directory so an undo offered by one
 * process (the CLI, a window before a restart) still works in another.
 */
export class UndoJournal {
  constructor(private readonly dir: string) {}

  async record(entry: {
    operation: string;
    format: FormatId;
    root: { id: string; path: string };
    sessionId: string;
    step: UndoStep;
  }): Promise<string> {
    const undoId = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    const record: UndoRecord = { version: 1, undoId, at: new Date().toISOString(), ...entry };
    await mkdir(this.dir, { recursive: true });
    // write-file-atomic renames without retrying on Windows (see rename-retry.ts).
    await retryingWhileLocked(() =>
      writeFileAtomic(join(this.dir, `${undoId}.json`), `${JSON.stringify(record, null, 2)}\n`, {
        fsync: true,
      }),
    );
    return undoId;
  }

  async read(undoId: string): Promise<UndoRecord> {
    let text: string;
    try {
      text = await readFile(join(this.dir, `${undoId}.json`), 'utf8');
    } catch (error) {
      throw fromFsError(error, `undo step ${undoId}`);
    }
    const parsed = recordSchema.safeParse(parseJsonOrUndefined(text));
    if (!parsed.success) throw new AppError('corrupt', `the undo record ${undoId} is unreadable`);
    return parsed.data;
  }

  async forget(undoId: string): Promise<void> {
    await rm(join(this.dir, `${undoId}.json`), { force: true });
  }
}
