/**
 * Indexes the roots named on its command line and reports each file done on stdout, so
 * crash.test.ts can kill it part-way through with SIGKILL, as a crash or a power cut would.
 */
import { IndexService } from './service';
import type { IndexedRoot } from './root';

const [dbPath, rootsJson] = process.argv.slice(2);
if (!dbPath || !rootsJson) throw new Error('usage: crash-child <db> <roots-json>');
const service = IndexService.open({
  dbPath,
  onProgress: (status) => process.stdout.write(`${status.filesDone}\n`),
});
service.setRoots(JSON.parse(rootsJson) as IndexedRoot[]);
await service.sync();
process.stdout.write('done\n');
