/** Test material for line indexes. */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { vi } from 'vitest';
import { LineIndex, factsOf } from './line-index';
import type { Classify } from './line-index';

/** The index of the file at `path` as it is now: built afresh, or `previous` brought up to date. */
export async function indexOf(path: string, classify: Classify, previous?: LineIndex): Promise<LineIndex> {
  const handle = await open(path, 'r');
  try {
    const facts = factsOf(await handle.stat());
    return previous
      ? await previous.update(handle, facts, classify)
      : await LineIndex.build(handle, facts, classify);
  } finally {
    await handle.close();
  }
}

/**
 * Counts the bytes this process reads through FileHandle.read, which every file read here goes
 * through, from now until `vi.restoreAllMocks()`: a test shows with it that no whole file is read.
 */
export async function countReads(): Promise<{ bytes: number }> {
  const counter = { bytes: 0 };
  const probe = await open(import.meta.filename, 'r');
  const proto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const read = proto.read;
  vi.spyOn(proto, 'read').mockImplementation(async function (this: FileHandle, ...args: unknown[]) {
    const result = await (read as (...a: unknown[]) => Promise<{ bytesRead: number }>).apply(this, args);
    counter.bytes += result.bytesRead;
    return result;
  } as FileHandle['read']);
  return counter;
}
