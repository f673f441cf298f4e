/**
 * How the app reverses each kind of write, kept in the audit log's `end` line. Each plan names
 * only what the app itself wrote or moved, so an undo never needs a path from outside.
 */
import { z } from 'zod';
import { formatIds, runStates } from '../../shared/model';

const placedSessionSchema = z.object({
  root: z.object({ id: z.string(), path: z.string() }),
  id: z.string(),
  format: z.enum(formatIds),
});
export type PlacedSession = z.infer<typeof placedSessionSchema>;

export const undoPlanSchema = z.discriminatedUnion('kind', [
  /** A format's own record of an append, remove-last or compact, in the undo journal. */
  z.object({ kind: z.literal('journal'), undoId: z.string() }),
  /** A delete: restore these trash items. */
  z.object({ kind: z.literal('restore'), trashIds: z.array(z.string()) }),
  /** A restore, fork or new session: move these sessions to the trash. */
  z.object({ kind: z.literal('trash'), sessions: z.array(placedSessionSchema) }),
  /** A rename: the name before (null for none) and the one the write set, to tell a later rename. */
  z.object({ kind: z.literal('rename'), previous: z.string().nullable(), current: z.string() }),
  z.object({
    kind: z.literal('state'),
    previous: z.object({ state: z.enum(runStates), turnId: z.string().nullable() }).nullable(),
  }),
]);
export type UndoPlan = z.infer<typeof undoPlanSchema>;
