/**
 * Runs a bench script in a process of its own (so what it measures, memory included, is its own)
 * with one JSON argument, and parses the one JSON object it prints.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function runChild<T>(script: URL, input: unknown): Promise<T> {
  const path = fileURLToPath(script);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`${path} exited with ${code}`)),
    );
  });
  return JSON.parse(output) as T;
}
