/**
 * One launch that opens a session to its first page and exits: run twice on the same app data by
 * bench/relaunch.ts, so the second launch finds what the first stored (a ZeroClaw line index, a
 * yoi digest) the way the app finds it after a restart, with nothing in memory.
 */
import { join } from 'node:path';
import { createLibrary } from '../src/core/library';

const [inputJson] = process.argv.slice(2);
if (!inputJson) throw new Error('usage: open-run <json>');
const { appData, dir, ref } = JSON.parse(inputJson) as {
  appData: string;
  dir: string;
  ref: { root: string; id: string };
};
const library = createLibrary({
  appDataDir: appData,
  env: { home: join(appData, 'home'), vars: {} },
  roots: [dir],
  resourcesDir: join(appData, 'resources'),
  host: 'cli',
  version: 'bench',
});
const start = performance.now();
await Promise.all([
  library.handlers['session.get']({ ref }),
  library.handlers['session.turns']({ ref, from: 0, count: 200 }),
]);
const firstPageMs = performance.now() - start;
await library.close();
process.stdout.write(`${JSON.stringify({ firstPageMs })}\n`);
