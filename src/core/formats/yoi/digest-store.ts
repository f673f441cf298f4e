/**
 * Large logs' digests kept in a LineIndexStore: the index database's `line_indexes` table, where
 * a yoi log's row holds its digest (digest-bytes.ts) as a ZeroClaw session's holds its line
 * index. A launch then reads a GB log's digest in milliseconds instead of folding the log for
 * seconds. The policy is jsonl/index-cache.ts's: only logs of MIN_STORED_BYTES or more, saved
 * when a read brought the digest up to date, and again only once the log has grown that much
 * past the stored copy (reading on from an older copy costs less than that).
 */
import { MIN_STORED_BYTES } from '../../jsonl/index-cache';
import type { LineIndexStore } from '../../jsonl/index-cache';
import { shelveDigests } from './digest';
import type { Digest } from './digest';
import { deserializeDigest, serializeDigest } from './digest-bytes';

/** The log size each digest's stored copy was made at, for the digests the store has one of. */
const storedSizes = new WeakMap<Digest, number>();

/**
 * Keeps large logs' digests in `store` as well as in memory, so that a launch loads a GB log's
 * digest rather than reading the log. Returns the way to stop.
 */
export function useStoredDigests(store: LineIndexStore): () => void {
  return shelveDigests({
    async load(path, facts) {
      if (facts.size < MIN_STORED_BYTES) return null;
      try {
        const bytes = await store.load(path, facts);
        if (!bytes) return null;
        const digest = deserializeDigest(bytes);
        const stored = digest.facts;
        if (stored.dev !== facts.dev || stored.ino !== facts.ino || stored.size > facts.size) return null;
        storedSizes.set(digest, stored.size);
        return digest;
      } catch {
        // An unreadable copy is as good as none; the save after the read replaces it.
        return null;
      }
    },
    keep(path, digest) {
      const { facts } = digest;
      const storedSize = storedSizes.get(digest);
      if (facts.size < MIN_STORED_BYTES) return;
      if (storedSize !== undefined && facts.size - storedSize < MIN_STORED_BYTES) return;
      // Taken now: a later append reads on into this digest in place.
      const bytes = serializeDigest(digest);
      storedSizes.set(digest, facts.size);
      // Not awaited: the read goes on, and a failed save only loses the shortcut.
      void (async () => store.save(path, facts, bytes))().catch(() => undefined);
    },
  });
}
