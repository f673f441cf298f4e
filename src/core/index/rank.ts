/**
 * How much a match counts for, by what kind of text it is in. A search is nearly always for
 * something a person or the agent said, so conversation outranks the bulk of tool output (which
 * repeats every word of a file or a log many times over and would otherwise crowd it out), and a
 * session's own title or project beats both.
 *
 * The weights are applied at query time, but a document's class is fixed when it is written:
 * it sits in the low bits of its row id (see schema.ts), so ranking never has to read the row
 * itself. Changing what a class means therefore needs a SCHEMA_VERSION bump; changing a weight
 * does not.
 */
import type { DocKind } from '../../shared/search';

/** Ids are `sequence * CLASS_SPAN + class` (schema.ts); eight classes fit in the low three bits. */
export const CLASS_SPAN = 8;

/**
 * Multipliers of bm25 (negative: lower is better, so a bigger factor ranks higher), indexed by
 * class. Order is part of the stored format; append, never reorder.
 */
export const CLASS_WEIGHTS: readonly {
  kind: DocKind;
  roles: 'conversation' | 'other' | 'any';
  weight: number;
}[] = [
  { kind: 'session', roles: 'any', weight: 3 },
  { kind: 'message', roles: 'conversation', weight: 2 },
  // System prompts and other non-conversation roles are mostly boilerplate repeated per session.
  { kind: 'message', roles: 'other', weight: 1 },
  { kind: 'fact', roles: 'any', weight: 1.5 },
  { kind: 'preference', roles: 'any', weight: 1.5 },
  { kind: 'event', roles: 'any', weight: 1 },
  { kind: 'tool', roles: 'any', weight: 0.6 },
];

/** bm25 weights of the FTS columns: `terms` holds derived parts (identifier pieces, CJK pairs), a weaker signal. */
export const COLUMN_WEIGHTS = { body: 1, terms: 0.5 } as const;

const CONVERSATION = new Set(['user', 'assistant']);

/** The class a document of this kind and role is stored under. */
export function weightClass(kind: DocKind, role: string | null): number {
  const conversation = role !== null && CONVERSATION.has(role.toLowerCase());
  const index = CLASS_WEIGHTS.findIndex(
    (entry) =>
      entry.kind === kind && (entry.roles === 'any' || (entry.roles === 'conversation') === conversation),
  );
  // An unknown kind (from a newer writer) ranks as plain text rather than failing the write.
  return index === -1 ? CLASS_WEIGHTS.findIndex((entry) => entry.kind === 'event') : index;
}

/**
 * The SQL expression for a document's weight from its rowid, built from the table above so the
 * two cannot drift apart. Only numbers go in: nothing from a request is ever part of it.
 */
export function weightSql(rowid: string): string {
  const cases = CLASS_WEIGHTS.map((entry, index) => `WHEN ${index} THEN ${entry.weight.toFixed(3)}`).join(
    ' ',
  );
  return `(CASE (${rowid} % ${CLASS_SPAN}) ${cases} ELSE 1.0 END)`;
}

/** A document's weight from its row id: weightSql, in JavaScript. */
export function weightOf(id: number): number {
  return CLASS_WEIGHTS[id % CLASS_SPAN]?.weight ?? 1;
}
