/**
 * What SQLite's FTS5 alone can take in on this machine: a sample of the index's own documents
 * inserted into a bare FTS5 table of the same configuration, nothing else running in the thread
 * (no reading, parsing, document rows or id bookkeeping). Expressed per corpus byte, it is the
 * ceiling indexMBps cannot pass while every word of every session is indexed on one core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const SAMPLE_CHARS = 100e6;
const BATCH_CHARS = 16e6;

export async function ftsCeiling(dbPath: string, corpusBytes: number): Promise<{ ftsCeilingMBps: number }> {
  const index = new DatabaseSync(dbPath, { readOnly: true });
  const dir = await mkdtemp(join(tmpdir(), 'sessionscope-fts-'));
  const bare = new DatabaseSync(join(dir, 'bare.sqlite'));
  try {
    const total = Number(
      index.prepare('SELECT sum(length(body) + length(terms)) AS n FROM doc_rows').get()?.n ?? 0,
    );
    bare.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536');
    bare.exec(
      "CREATE VIRTUAL TABLE docs USING fts5 (body, terms, tokenize = 'unicode61 remove_diacritics 2')",
    );
    const insert = bare.prepare('INSERT INTO docs (rowid, body, terms) VALUES (?, ?, ?)');
    let chars = 0;
    let batch = 0;
    let took = 0;
    bare.exec('BEGIN');
    for (const row of index.prepare('SELECT id, body, terms FROM doc_rows ORDER BY id').iterate()) {
      const body = String(row.body);
      const terms = String(row.terms);
      const start = performance.now();
      insert.run(Number(row.id), body, terms);
      took += performance.now() - start;
      chars += body.length + terms.length;
      batch += body.length + terms.length;
      if (batch >= BATCH_CHARS) {
        const commit = performance.now();
        bare.exec('COMMIT');
        bare.exec('BEGIN');
        took += performance.now() - commit;
        batch = 0;
      }
      if (chars >= SAMPLE_CHARS) break;
    }
    const commit = performance.now();
    bare.exec('COMMIT');
    took += performance.now() - commit;
    // Characters of indexed text per corpus byte, so the sample's rate converts to corpus MB/s.
    const textPerByte = total / corpusBytes;
    return { ftsCeilingMBps: Math.round((chars / textPerByte / 1e6 / (took / 1000)) * 10) / 10 };
  } finally {
    index.close();
    bare.close();
    await rm(dir, { recursive: true, force: true });
  }
}
