import type { FormatId } from '../../shared/model';

/** A root the index covers: its id, its directory, and the format of the sessions in it. */
export interface IndexedRoot {
  id: string;
  path: string;
  format: FormatId;
}
