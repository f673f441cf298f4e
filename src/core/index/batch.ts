/**
 * Index writes gathered into few large transactions. Each commit makes FTS5 flush a segment and
 * merge, which cost as much as the inserts themselves when every small session committed alone.
 * A batch holds whole steps (a page of documents with the progress that covers it), so a crash
 * loses at most the batch and the index stays consistent.
 */
import type { IndexDb } from './db';

const MAX_BYTES = 16 * 1024 * 1024;
/** Progress shows in the list and in search within about this long. */
const MAX_MS = 1000;

export class WriteBatch {
  private steps: (() => void)[] = [];
  private bytes = 0;
  private since = performance.now();

  constructor(private readonly db: IndexDb) {}

  add(bytes: number, step: () => void): void {
    this.steps.push(step);
    this.bytes += bytes;
    if (this.bytes >= MAX_BYTES || performance.now() - this.since >= MAX_MS) this.flush();
  }

  flush(): void {
    this.since = performance.now();
    if (this.steps.length === 0) return;
    const steps = this.steps;
    this.steps = [];
    this.bytes = 0;
    this.db.transaction(() => {
      for (const step of steps) step();
    });
  }
}
