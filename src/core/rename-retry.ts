/**
 * On Windows a virus scanner, the search indexer or a reader of our own briefly holds files open,
 * and a rename then fails with EPERM, EBUSY or EACCES for a moment (security.md §3.1,
 * npm/write-file-atomic#28 and #227). Retrying briefly keeps the replace atomic, where falling back
 * to copy + unlink would not.
 *
 * Hand-written, as no small maintained package fits: graceful-fs has this retry but does not export
 * it on its own (only by patching the global fs), and retries only while the target does not exist,
 * so never for a temp file renamed over the file it replaces; rename-overwrite deletes the target
 * first on EPERM, which must never happen to a session or a trash item.
 */
import { rename } from 'node:fs/promises';

/** The codes Windows gives while another process holds the file or its directory open. */
const LOCKED = new Set(['EPERM', 'EBUSY', 'EACCES']);
const FIRST_DELAY_MS = 10;
/** Antivirus scans usually let go within a second; past this the failure is reported. */
const TOTAL_WAIT_MS = 2000;

export interface RetryOptions {
  /** The platform to behave as: tests drive the Windows branch on any machine. */
  platform?: NodeJS.Platform;
  wait?: (ms: number) => Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, retrying on Windows only while it fails with a lock code,
 * waiting 10 ms, 20 ms, 40 ms… up to about 2 s in all; then the last error is thrown. Elsewhere
 * these codes mean a real permission problem, so the first error is thrown at once.
 */
export async function retryingWhileLocked<T>(
  attempt: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const platform = options.platform ?? process.platform;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waited = 0;
  for (let delay = FIRST_DELAY_MS; ; delay *= 2) {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (platform !== 'win32' || !code || !LOCKED.has(code) || waited >= TOTAL_WAIT_MS) throw error;
      const pause = Math.min(delay, TOTAL_WAIT_MS - waited);
      await wait(pause);
      waited += pause;
    }
  }
}

/** rename(), retried on Windows while the file is held open elsewhere (see retryingWhileLocked). */
export function renameRetrying(
  from: string,
  to: string,
  options: RetryOptions & { rename?: (from: string, to: string) => Promise<void> } = {},
): Promise<void> {
  const renameOnce = options.rename ?? rename;
  return retryingWhileLocked(() => renameOnce(from, to), options);
}
