import { rm } from 'node:fs/promises';
import { AppError, toWireError } from '../../shared/errors';
import type { BulkDeleteResult, BulkRestoreResult, PurgeResult } from '../../shared/history';
import type { SessionRef, SessionSummary } from '../../shared/model';
import type { Root } from '../roots';
import { placedOf, refOf, sessionRecord } from './context';
import type { HistoryContext } from './context';
import type { TrashManifest } from './manifest';
import { recorded } from './recorded';

export interface Doomed {
  owner: Root;
  summary: SessionSummary;
}

/**
 * Moves sessions to the trash as one write with one undo. A session that cannot move is reported
 * and the others still go; when none can, the first one's error is the answer.
 */
export async function trashSessions(
  context: HistoryContext,
  doomed: Doomed[],
  detail: string | null = null,
): Promise<BulkDeleteResult> {
  const files = await Promise.all(
    doomed.map(({ owner, summary }) => owner.store.files(summary.ref.id).catch(() => [])),
  );
  const { value, id } = await recorded(
    context.audit,
    {
      operation: 'delete',
      sessions: doomed.map(({ owner, summary }) => sessionRecord(owner, summary)),
      files: files.flat(),
      hashBefore: false,
    },
    async () => {
      const moved: { doomed: Doomed; manifest: TrashManifest }[] = [];
      const failures: { ref: SessionRef; error: unknown }[] = [];
      for (const each of doomed) {
        try {
          moved.push({ doomed: each, manifest: await moveOne(context, each) });
        } catch (error) {
          failures.push({ ref: each.summary.ref, error });
        }
      }
      if (moved.length === 0 && failures[0]) throw failures[0].error;
      return {
        value: { moved, failures },
        sessions: moved.map(({ doomed: { owner, summary } }) => sessionRecord(owner, summary)),
        // The trash hashed each file as it arrived: whatever an agent appended to the end is in it.
        files: moved.flatMap(({ manifest }) =>
          manifest.files.map((file) => ({
            file: file.original,
            sha256Before: file.sha256,
            sha256After: null,
          })),
        ),
        detail,
        undo: { kind: 'restore', trashIds: moved.map(({ manifest }) => manifest.trashId) },
      };
    },
  );
  await announce(
    context,
    value.moved.map(({ doomed: { summary } }) => summary.ref),
  );
  return {
    trashIds: value.moved.map(({ manifest }) => manifest.trashId),
    summaries: value.moved.map(({ doomed: { summary } }) => summary),
    undoId: value.moved.length > 0 ? id : null,
    failures: value.failures.map(({ ref, error }) => ({ ref, ...toWireError(error) })),
  };
}

async function moveOne(context: HistoryContext, { owner, summary }: Doomed): Promise<TrashManifest> {
  if (!summary.capabilities.delete) throw new AppError('unsupported', `“${summary.title}” cannot be deleted`);
  const trashId = await context.trash.put({
    format: summary.format,
    root: { id: owner.id, path: owner.path },
    sessionId: summary.ref.id,
    title: summary.title,
    files: await owner.store.files(summary.ref.id),
  });
  return context.trash.read(trashId);
}

/** Puts trash items back as one write with one undo (which moves them to the trash again). */
export async function restoreItems(context: HistoryContext, trashIds: string[]): Promise<BulkRestoreResult> {
  const failures: { trashId: string; error: unknown }[] = [];
  const manifests: TrashManifest[] = [];
  for (const trashId of trashIds) {
    try {
      manifests.push(await context.trash.read(trashId));
    } catch (error) {
      failures.push({ trashId, error });
    }
  }
  if (manifests.length === 0 && failures[0]) throw failures[0].error;
  const records = manifests.map(recordOf);
  const { value, id } = await recorded(
    context.audit,
    {
      operation: 'restore',
      sessions: records,
      files: manifests.flatMap((manifest) => manifest.files.map((file) => file.original)),
      hashBefore: false,
    },
    async () => {
      const restored: TrashManifest[] = [];
      for (const manifest of manifests) {
        try {
          restored.push(await context.trash.restore(manifest.trashId));
        } catch (error) {
          failures.push({ trashId: manifest.trashId, error });
        }
      }
      if (restored.length === 0 && failures[0]) throw failures[0].error;
      return {
        value: restored,
        sessions: restored.map(recordOf),
        files: restored.flatMap((manifest) =>
          manifest.files.map((file) => ({
            file: file.original,
            sha256Before: null,
            sha256After: file.sha256 === '' ? null : file.sha256,
          })),
        ),
        undo: { kind: 'trash', sessions: restored.map((manifest) => placedOf(recordOf(manifest))) },
      };
    },
  );
  const refs = value.map((manifest) => refOf(recordOf(manifest)));
  await announce(context, refs);
  return {
    summaries: await summariesOf(context, value.map(recordOf)),
    undoId: value.length > 0 ? id : null,
    failures: failures.map(({ trashId, error }) => ({ trashId, ...toWireError(error) })),
  };
}

/** Removes trash items for good; nothing can undo this, and the log says so. */
export async function purgeItems(
  context: HistoryContext,
  trashIds: string[],
  operation: 'purge' | 'expire',
): Promise<PurgeResult> {
  const method = context.discard ? 'os-trash' : 'deleted';
  const discard = context.discard ?? ((path: string) => rm(path, { force: true }));
  const failures: PurgeResult['failures'] = [];
  const manifests: TrashManifest[] = [];
  for (const trashId of trashIds) {
    try {
      manifests.push(await context.trash.read(trashId));
    } catch (error) {
      failures.push({ trashId, ...toWireError(error) });
    }
  }
  if (manifests.length === 0) return { purged: [], method, failures };
  const { value } = await recorded(
    context.audit,
    {
      operation,
      sessions: manifests.map(recordOf),
      files: manifests.flatMap((manifest) => manifest.files.map((file) => file.original)),
      hashBefore: false,
    },
    async () => {
      const purged: TrashManifest[] = [];
      for (const manifest of manifests) {
        try {
          purged.push(await context.trash.purge(manifest.trashId, discard));
        } catch (error) {
          failures.push({ trashId: manifest.trashId, ...toWireError(error) });
        }
      }
      return {
        value: purged,
        sessions: purged.map(recordOf),
        files: purged.flatMap((manifest) =>
          manifest.files.map((file) => ({
            file: file.original,
            sha256Before: file.sha256 === '' ? null : file.sha256,
            sha256After: null,
          })),
        ),
        detail: method === 'os-trash' ? 'moved to the system trash' : 'deleted for good',
        undo: null,
      };
    },
  );
  await context.changed(null, []);
  return { purged: value.map((manifest) => manifest.trashId), method, failures };
}

/** Purges what has been in the trash longer than the retention setting. */
export async function expire(context: HistoryContext, now = Date.now()): Promise<TrashManifest[]> {
  const days = await context.retentionDays();
  const items = await context.trash.list();
  const old = items.filter((item) => Date.parse(item.deletedAt) + days * DAY_MS <= now);
  if (old.length > 0) {
    await purgeItems(
      context,
      old.map((item) => item.trashId),
      'expire',
    );
  }
  return items.filter((item) => !old.includes(item));
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function recordOf(manifest: TrashManifest) {
  return { root: manifest.root, id: manifest.sessionId, format: manifest.format, title: manifest.title };
}

/** The sessions as they now are; one that can no longer be read is left out, not an error. */
export async function summariesOf(
  context: HistoryContext,
  records: ReturnType<typeof recordOf>[],
): Promise<SessionSummary[]> {
  const summaries: SessionSummary[] = [];
  for (const record of records) {
    try {
      const owner = await context.placed(record);
      summaries.push(await context.namedOne(await owner.store.summary(record.id)));
    } catch {
      continue;
    }
  }
  return summaries;
}

async function announce(context: HistoryContext, refs: SessionRef[]): Promise<void> {
  const roots = [...new Set(refs.map((ref) => ref.root))];
  await context.changed(roots.length === 1 ? (roots[0] ?? null) : null, refs);
}
