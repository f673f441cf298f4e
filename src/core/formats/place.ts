import { stat } from 'node:fs/promises';
import type { FormatId, SearchedPlace } from '../../shared/model';

/** The one directory an agent would use, with the rule that named it. */
export interface Place {
  path: string;
  origin: SearchedPlace['origin'];
  how: string;
}

/** The rule's name, followed by the rules passed over on the way to it and why. */
export function withNotes(how: string, notes: string[]): string {
  return notes.length === 0 ? how : `${how} (${notes.join('; ')})`;
}

/**
 * Only the place that wins is reported: the agent never reads the others, so listing them as
 * roots would show sessions the agent cannot see.
 */
export async function searchedPlace(format: FormatId, place: Place): Promise<SearchedPlace[]> {
  const exists = await stat(place.path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return [{ format, path: place.path, origin: place.origin, how: place.how, exists }];
}
