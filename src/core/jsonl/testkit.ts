/** Test material for line indexes. */
import { open } from 'node:fs/promises';
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
