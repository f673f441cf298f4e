/**
 * Appends one record line the way a careful agent would (security.md §3.2, writer rules): one
 * write() of the whole line, after repairing a torn tail.
 *
 * Repair here means "\n" first when the file's last byte is not one, so the new record starts on
 * its own line. Truncating the fragment instead would lose bytes: the fragment may be a record
 * another process is halfway through writing (ZeroClaw writes a line with two write() calls,
 * the JSON and then the "\n"), and even a truly torn one is evidence a person may want to see.
 * With the "\n" a torn fragment becomes one unreadable line; a fragment that was still being
 * written becomes a complete record followed by a blank line when its own "\n" lands.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from '../files';
import { readRange } from './lines';

export interface AppendedLine {
  /** Where the written bytes start, or null when another writer appended at the same moment. */
  offset: number | null;
  /** Exactly the bytes written: the repair "\n" (if any), the record, its "\n". */
  written: Buffer;
}

/**
 * Appends `record` (one line, without its "\n") to `path`. With `create` false a missing file is
 * an ENOENT error rather than a new session.
 */
export async function appendLine(path: string, record: Buffer, create: boolean): Promise<AppendedLine> {
  const flags = constants.O_APPEND | constants.O_RDWR | (create ? constants.O_CREAT : 0);
  const handle = await open(path, flags, 0o644);
  let created = false;
  try {
    const before = await handle.stat();
    created = create && before.size === 0;
    const last = before.size > 0 ? await readRange(handle, before.size - 1, 1) : null;
    const repair = last !== null && last[0] !== 0x0a;
    const written = Buffer.concat([repair ? Buffer.from('\n') : Buffer.alloc(0), record, Buffer.from('\n')]);
    let done = 0;
    while (done < written.length) {
      const { bytesWritten } = await handle.write(written, done, written.length - done);
      done += bytesWritten;
    }
    // ZeroClaw never syncs its appends; a person's edit should survive a power cut all the same.
    await handle.datasync();
    const after = await handle.stat();
    const offset = after.size - written.length;
    const landed = offset >= 0 && (await readRange(handle, offset, written.length)).equals(written);
    return { offset: landed ? offset : null, written };
  } finally {
    await handle.close();
    if (created) await fsyncDir(dirname(path));
  }
}
