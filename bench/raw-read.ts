/**
 * The practical ceiling for any reader of this corpus: stream every JSONL file in 1 MiB chunks
 * and JSON.parse each line, and JSON.parse each ORCS file whole, doing nothing with the values.
 * No index, no validation beyond JSON: an indexer that parses everything cannot beat this.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusRoot } from './corpus';

const CHUNK = 1024 * 1024;

/** Decodes each chunk up to its last newline once and splits the string: cheaper than per line. */
async function parseLines(path: string): Promise<number> {
  let lines = 0;
  let carry: Buffer | null = null;
  const parse = (text: string): void => {
    for (const line of text.split('\n')) {
      if (line === '') continue;
      JSON.parse(line);
      lines += 1;
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = data.lastIndexOf(0x0a);
    if (end === -1) {
      carry = data;
      continue;
    }
    parse(data.toString('utf8', 0, end));
    carry = end + 1 < data.length ? data.subarray(end + 1) : null;
  }
  if (carry) parse(carry.toString('utf8'));
  return lines;
}

/** Parses every session file of every root, one after another; returns the values parsed. */
export async function readAndParseAll(roots: readonly CorpusRoot[]): Promise<number> {
  let values = 0;
  for (const root of roots) {
    for (const name of (await readdir(root.path)).sort()) {
      const path = join(root.path, name);
      if (root.format === 'orcs') {
        JSON.parse(await readFile(path, 'utf8'));
        values += 1;
      } else values += await parseLines(path);
    }
  }
  return values;
}
