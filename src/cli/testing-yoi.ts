/**
 * Test support: yoi logs (formats.md §3) written by the core's YoiWriter, so every line carries
 * the hash the crate itself would have written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { YoiWriter } from '../core/formats/yoi';

export function logPathOf(root: string, id: string): string {
  return join(root, `${id}.jsonl`);
}

/** A four-entry conversation (start, question, answer, turn end); returns its id. */
export async function writeYoiSession(root: string): Promise<string> {
  const writer = new YoiWriter(root);
  const session = await writer.createSession({ systemPrompt: 'You are helpful.' });
  await writer.saveDelta(session, [
    { type: 'message', role: 'user', content: [{ type: 'text', text: 'Check weather' }] },
  ]);
  await writer.saveDelta(session, [
    { type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Sunny, 25C' }] },
  ]);
  await writer.saveTurnEnd(session, 1);
  return session.id;
}

/** Each line of a log, parsed. */
export async function logLines(root: string, id: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(logPathOf(root, id), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The `hash` of a 1-based line. */
export async function hashOfLine(root: string, id: string, line: number): Promise<string> {
  return String((await logLines(root, id))[line - 1]?.hash);
}

/**
 * Flips the lowest bit of the last byte of `text` where it first occurs in the log ("weather" →
 * "weathes"): the line stays valid JSON, only its hash no longer matches.
 */
export async function flipByte(root: string, id: string, text: string): Promise<void> {
  const path = logPathOf(root, id);
  const bytes = await readFile(path);
  const at = bytes.indexOf(text) + Buffer.byteLength(text) - 1;
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  await writeFile(path, bytes);
}
