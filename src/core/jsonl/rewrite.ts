/**
 * Replaces a JSONL file with an edited copy, crash-safely and without losing what other processes
 * append while it runs (architecture.md, "Writes are surgical and crash-safe").
 *
 * The new content is described as pieces: byte ranges of the old file and literal bytes. The copy
 * goes to a temp file in the same directory, which is fsynced and renamed over the old name; the
 * directory is fsynced after. A crash at any point leaves either the old file or the new one, plus
 * at worst a stray temp file named like the ones Rust's tempfile crate (and so ZeroClaw) leaves.
 *
 * Appends by other processes are carried over in three places:
 * 1. Before planning, a last line still being written (no "\n" yet, file modified moments ago)
 *    is waited for, so the plan never cuts a record in half.
 * 2. Just before the rename, bytes appended since the plan are copied onto the temp file, whole
 *    lines only; a line still being written is waited for (bounded).
 * 3. The old inode stays open across the rename. A writer that opened the file before the rename
 *    writes into that inode; whatever lands there after step 2 is copied onto the new file.
 *    Those bytes are appended behind a "\n": another writer may already be appending to the new
 *    file, and ZeroClaw writes a record with two write() calls (JSON, then "\n"), so our write can
 *    land between the two. The leading "\n" keeps both records whole at the cost of a blank line.
 *
 * What can still be lost: a writer that opened the old file before the rename but writes to it
 * only after step 3 stopped watching (QUIET_MS of silence). Without a lock shared with the agent
 * (ZeroClaw has none) no rename-based rewrite can close that window; ZeroClaw's own rewrite loses
 * every such append. A record carried over in step 3 may also land after one appended just after
 * it. And between the last identity check and the rename, a rewrite by another process (ZeroClaw's
 * own remove_last, say) could be replaced by ours; that window is two system calls wide.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { chmod, open, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { fsyncDir } from '../files';
import { renameRetrying } from '../rename-retry';
import { factsOf } from './line-index';
import type { FileFacts } from './line-index';
import { readRange } from './lines';

/** A range of the old file, or bytes of our own. */
export type Piece = { from: number; to: number } | { bytes: Buffer };

export interface RewriteSnapshot {
  /** The old file, open for reading; plan against exactly `facts.size` bytes of it. */
  handle: FileHandle;
  facts: FileFacts;
}

export interface RewritePlan {
  /** The new content standing in for the old file's first `facts.size` bytes. */
  pieces: Piece[];
  /** Return the SHA-256 of the first this-many bytes of the new content (an undo record checks it). */
  hashUpTo?: number;
}

export interface RewriteResult {
  /** The file after the rewrite, carried-over appends included. */
  facts: FileFacts;
  /** Bytes the pieces made. */
  written: number;
  prefixSha256: string | null;
  /** Bytes other processes appended during the rewrite, carried into the new file. */
  carried: number;
}

/** Test seams: run at the two moments a concurrent append is hardest to keep. */
export interface RewriteHooks {
  beforeRename?: () => Promise<void>;
  afterRename?: () => Promise<void>;
}

/** A last line without "\n" in a file modified this recently may still be being written. */
const LIVE_MS = 2_000;
/** How long to wait for a half-written line to be finished. */
const SETTLE_MS = 250;
/**
 * How long the old inode must stay unchanged after the rename before we stop watching it. A writer
 * that opened the file before the rename finishes its append microseconds later unless the OS
 * parks it; this is the margin for that, paid once per rewrite.
 */
const QUIET_MS = 3;
const COPY_CHUNK = 1024 * 1024;
const LF = 0x0a;

/**
 * Rewrites `path` (a real path, not a symlink) to what `plan` says; `plan` returning null means
 * nothing to do. Throws AppError `conflict` if the file was replaced or shrunk while we worked.
 */
export async function rewriteFile(
  path: string,
  plan: (snapshot: RewriteSnapshot) => Promise<RewritePlan | null>,
  hooks: RewriteHooks = {},
): Promise<RewriteResult | null> {
  const old = await open(path, 'r');
  try {
    const facts = await settled(old);
    // The bytes before the end we plan against; if they change, the file was rewritten in place.
    const fingerprint = await readRange(old, Math.max(0, facts.size - 64), Math.min(64, facts.size));
    const planned = await plan({ handle: old, facts });
    if (!planned) return null;
    const oldMode = (await old.stat()).mode & 0o777;
    const temp = await createTemp(dirname(path), oldMode);
    try {
      const out = new Output(temp.handle, planned.hashUpTo ?? null);
      let committed = false;
      try {
        for (const piece of planned.pieces) {
          if ('bytes' in piece) await out.write(piece.bytes);
          else await copyRange(old, piece.from, piece.to, out);
        }
        const written = out.length;
        const prefixSha256 = out.prefixDigest();
        let copied = await catchUp(old, facts, fingerprint, out);
        await hooks.beforeRename?.();
        const current = await stat(path);
        if (current.ino !== facts.ino || current.dev !== facts.dev) {
          throw new AppError('conflict', 'the session file was replaced while it was being rewritten');
        }
        await temp.handle.sync();
        await renameRetrying(temp.path, path);
        committed = true;
        await hooks.afterRename?.();
        copied = await drain(old, copied, out);
        await temp.handle.sync();
        await fsyncDir(dirname(path));
        return {
          facts: factsOf(await temp.handle.stat()),
          written,
          prefixSha256,
          carried: copied - facts.size,
        };
      } finally {
        if (!committed) await unlink(temp.path).catch(() => undefined);
      }
    } finally {
      await temp.handle.close();
    }
  } finally {
    await old.close();
  }
}

/** The old file's state once a last line that is still being written has been finished. */
async function settled(old: FileHandle): Promise<FileFacts> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const facts = factsOf(await old.stat());
    if (facts.size === 0 || Date.now() - facts.mtimeMs > LIVE_MS || Date.now() > deadline) return facts;
    const last = await readRange(old, facts.size - 1, 1);
    if (last[0] === LF) return facts;
    await pause();
  }
}

/**
 * Copies whole lines appended since the plan onto the temp file; returns how far the old file is
 * accounted for. A half-written line is waited for; one that stays half-written (its writer died)
 * is copied as it is, as it stood in the old file.
 */
async function catchUp(old: FileHandle, facts: FileFacts, fingerprint: Buffer, out: Output): Promise<number> {
  let copied = facts.size;
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const size = (await old.stat()).size;
    const now = await readRange(old, facts.size - fingerprint.length, fingerprint.length);
    if (size < facts.size || !now.equals(fingerprint)) {
      throw new AppError(
        'conflict',
        'the session file was rewritten by another program while it was being edited',
      );
    }
    if (size === copied) return copied;
    const grown = await readRange(old, copied, size - copied);
    const whole = grown.lastIndexOf(LF) + 1;
    if (whole === grown.length || Date.now() > deadline) {
      await out.write(grown);
      return copied + grown.length;
    }
    if (whole > 0) {
      await out.write(grown.subarray(0, whole));
      copied += whole;
    }
    await pause();
  }
}

/** Copies what lands in the old inode after the rename onto the new file (see the file comment). */
async function drain(old: FileHandle, from: number, out: Output): Promise<number> {
  let copied = from;
  let quietSince = Date.now();
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const size = (await old.stat()).size;
    if (size > copied) {
      const grown = await readRange(old, copied, size - copied);
      const whole = grown[grown.length - 1] === LF;
      if (whole || Date.now() > deadline) {
        await out.write(
          Buffer.concat([Buffer.from('\n'), grown, whole ? Buffer.alloc(0) : Buffer.from('\n')]),
        );
        copied = size;
        quietSince = Date.now();
        continue;
      }
    } else if (Date.now() - quietSince >= QUIET_MS) {
      return copied;
    }
    await pause();
  }
}

async function copyRange(old: FileHandle, from: number, to: number, out: Output): Promise<void> {
  for (let at = from; at < to; at += COPY_CHUNK) {
    const bytes = await readRange(old, at, Math.min(COPY_CHUNK, to - at));
    if (bytes.length === 0)
      throw new AppError('conflict', 'the session file shrank while it was being rewritten');
    await out.write(bytes);
  }
}

/** The temp file, written append-only so that once it is renamed into place it never overwrites another writer's append. */
class Output {
  length = 0;
  private readonly handle: FileHandle;
  private readonly hash: Hash | null;
  private readonly hashUpTo: number;

  constructor(handle: FileHandle, hashUpTo: number | null) {
    this.handle = handle;
    this.hash = hashUpTo === null ? null : createHash('sha256');
    this.hashUpTo = hashUpTo ?? 0;
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.hash && this.length < this.hashUpTo) {
      this.hash.update(bytes.subarray(0, this.hashUpTo - this.length));
    }
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done);
      done += bytesWritten;
    }
    this.length += bytes.length;
  }

  prefixDigest(): string | null {
    return this.hash ? this.hash.digest('hex') : null;
  }
}

/** `.tmp` and six random characters, in the same directory: what tempfile::NamedTempFile::new_in makes. */
async function createTemp(dir: string, mode: number): Promise<{ path: string; handle: FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const path = join(dir, `.tmp${randomName()}`);
    try {
      const handle = await open(path, 'ax', mode);
      await chmod(path, mode);
      return { path, handle };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 8) throw error;
    }
  }
}

function randomName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function pause(ms = 1): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
