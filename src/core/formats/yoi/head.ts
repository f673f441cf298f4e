/**
 * `read_head_hash`: the hash of the log's last non-blank line, read from the end of the file
 * backwards so a long log is not scanned. Like the crate, a last line that is not an entry is an
 * error (the caller cannot know where its chain stands).
 */
import { open } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { fromFsError } from '../../fs-errors';
import { readRange } from '../../jsonl';
import { parseHashedLine } from './entries';
import { isBlank } from './log';

const STEP = 64 * 1024;

export async function readHeadHash(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fromFsError(error, `session log ${path}`);
  }
  try {
    let position = (await handle.stat()).size;
    // Only the first piece of `held` can be a partial line; the others are whole and blank.
    let held = Buffer.alloc(0);
    for (;;) {
      const lines = splitLines(held);
      const whole = position === 0 ? lines : lines.slice(1);
      const last = whole.reverse().find((line) => !isBlank(line));
      if (last) {
        const parsed = parseHashedLine(last.toString('utf8'));
        if (!parsed.ok) throw new AppError('corrupt', `the last line of ${path} is not an entry: ${parsed.reason}`);
        return parsed.value.hash;
      }
      if (position === 0) return null;
      const from = Math.max(0, position - STEP);
      held = Buffer.concat([await readRange(handle, from, position - from), lines[0] ?? Buffer.alloc(0)]);
      position = from;
    }
  } finally {
    await handle.close();
  }
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let from = 0;
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, from)) {
    lines.push(bytes.subarray(from, nl));
    from = nl + 1;
  }
  lines.push(bytes.subarray(from));
  return lines;
}
