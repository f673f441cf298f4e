/** Small pieces every part of the index database uses. */
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';

export type Row = Record<string, SQLOutputValue>;

/** Statements whose SQL depends on which filters a call uses, prepared once per shape. */
export class Statements {
  private readonly shaped = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  get(sql: string): StatementSync {
    let statement = this.shaped.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.shaped.set(sql, statement);
    }
    return statement;
  }
}

/** Whether every root `distinct` (a distinctRoots statement) reads is one of `roots`. */
export function holdsOnly(distinct: StatementSync, roots: string[]): boolean {
  const wanted = new Set(roots);
  return distinct.all().every((row) => wanted.has(String(row.root)));
}

/** The distinct roots of a table, skipping along its index: one seek per root rather than a scan. */
export function distinctRoots(table: 'doc_rows' | 'sessions'): string {
  return `WITH RECURSIVE r (root) AS (
      SELECT min(root) FROM ${table}
      UNION ALL SELECT (SELECT min(root) FROM ${table} WHERE root > r.root) FROM r WHERE r.root IS NOT NULL)
    SELECT root FROM r WHERE root IS NOT NULL`;
}

export function isSqliteError(error: unknown, code: number): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR' &&
    (error as { errcode?: unknown }).errcode === code
  );
}

export function nullableText(value: SQLOutputValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function wholeAtLeast(value: number, min: number): number {
  return Number.isFinite(value) ? Math.max(min, Math.floor(value)) : min;
}
