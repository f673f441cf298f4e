import { join } from 'node:path';
import { z } from 'zod';
import { titleSchema } from '../shared/api';
import { formatIds } from '../shared/model';
import type { FormatId } from '../shared/model';
import { parseInput } from '../shared/validate';
import { JsonFile } from './json-file';
import { rootId } from './roots';

/** A session the app names itself, by its root's path: root ids are derived from paths. */
export interface NamedSession {
  format: FormatId;
  root: string;
  id: string;
}

const bookSchema = z.object({
  version: z.literal(1),
  names: z
    .array(z.object({ format: z.enum(formatIds), root: z.string(), id: z.string(), title: z.string() }))
    .default([]),
});
type Book = z.infer<typeof bookSchema>;

/** Looks up a session's app name by its format, root id and session id. */
export type NameLookup = (format: FormatId, root: string, id: string) => string | undefined;

const keyOf = (format: FormatId, root: string, id: string): string => JSON.stringify([format, root, id]);

const same = (a: NamedSession, b: NamedSession): boolean =>
  a.format === b.format && a.root === b.root && a.id === b.id;

/**
 * Names for sessions whose format has no place for one (yoi logs are hash-chained: a name in
 * the log would be a new entry the agent never wrote). They live in `names.json` in the app-data
 * directory, so the agent's files are never touched and every host sharing that directory sees them.
 */
export class NameBook {
  private readonly file: JsonFile<Book>;
  readonly path: string;

  constructor(appDataDir: string) {
    this.path = join(appDataDir, 'names.json');
    this.file = new JsonFile(this.path, bookSchema, () => ({ version: 1, names: [] }));
  }

  /** Names a session, or, for an empty or blank title, forgets its name; returns the name kept. */
  async set(session: NamedSession, title: string): Promise<string | null> {
    const kept = title.trim() === '' ? null : parseInput(titleSchema, title);
    await this.file.update((book) => {
      const others = book.names.filter((named) => !same(session, named));
      return { ...book, names: kept === null ? others : [...others, { ...session, title: kept }] };
    });
    return kept;
  }

  async lookup(): Promise<NameLookup> {
    const { names } = await this.file.read();
    const byKey = new Map(
      names.map((named) => [keyOf(named.format, rootId(named.root), named.id), named.title]),
    );
    return (format, root, id) => byKey.get(keyOf(format, root, id));
  }
}
