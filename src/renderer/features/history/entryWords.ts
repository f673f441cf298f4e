import type { AuditEntry, AuditOperation, AuditSession } from '../../../shared/history';

const operations: Record<AuditOperation, string> = {
  rename: 'Renamed',
  delete: 'Moved to the trash',
  restore: 'Restored from the trash',
  purge: 'Deleted permanently',
  expire: 'Emptied from the trash after its time',
  append: 'Added a message',
  'remove-last': 'Removed the last message',
  compact: 'Compacted',
  'set-state': 'Changed the run state',
  fork: 'Forked',
  'compact-into-new': 'Compacted into a new session',
  undo: 'Undid a change',
};

/** What an undo reversed, said so that the session titles can follow. */
const reversals: Record<AuditOperation, string> = {
  rename: 'a rename of',
  delete: 'a move to the trash of',
  restore: 'a restore of',
  purge: 'a permanent delete of',
  expire: 'an expiry of',
  append: 'an added message in',
  'remove-last': 'the removal of the last message of',
  compact: 'a compaction of',
  'set-state': 'a run-state change of',
  fork: 'a fork of',
  'compact-into-new': 'a compaction into a new session of',
  undo: 'an undo on',
};

/** An undo names the write it reversed when that write is among the entries shown. */
export function operationWords(entry: AuditEntry, byId: ReadonlyMap<string, AuditEntry>): string {
  if (entry.operation !== 'undo' || entry.undoes === null) return operations[entry.operation];
  const reversed = byId.get(entry.undoes);
  return reversed ? `Undid ${reversals[reversed.operation]}` : 'Undid a change to';
}

/** “A”, “B” and 3 more: a bulk write can name hundreds of sessions. */
export function sessionTitles(sessions: readonly AuditSession[], shown = 3): string {
  const quoted = sessions.map((session) => `“${session.title}”`);
  if (quoted.length > shown) return `${quoted.slice(0, shown).join(', ')} and ${quoted.length - shown} more`;
  const last = quoted.pop() ?? '';
  return quoted.length === 0 ? last : `${quoted.join(', ')} and ${last}`;
}

/** Enough of a sha256 to tell two versions of a file apart by eye; null is a file not there. */
export function shortHash(sha256: string | null): string {
  return sha256 === null ? 'none' : sha256.slice(0, 10);
}
