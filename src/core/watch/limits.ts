/**
 * The OS errors that mean "no more watches" (security.md §3.3): Linux's inotify gives ENOSPC
 * when `max_user_watches` is used up, and EMFILE comes from running out of inotify instances or
 * file descriptors. Either way the watcher falls back to polling and the user is told how to
 * raise the limit, which is shared by every app they run.
 */
export type LimitCode = 'EMFILE' | 'ENOSPC';

export function limitCode(error: unknown): LimitCode | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EMFILE' || code === 'ENOSPC' ? code : null;
}

/** Why a root is polled, for its status line. */
export function limitProblem(code: LimitCode, pollIntervalMs: number): string {
  const every = pollIntervalMs >= 1000 ? `${pollIntervalMs / 1000} s` : `${pollIntervalMs} ms`;
  const what =
    code === 'ENOSPC' ? 'the system ran out of file watches' : 'the system ran out of file handles';
  return `${code}: ${what}, so this folder is checked every ${every} instead`;
}

/** What the user can do about it on this platform. */
export function limitHint(codes: ReadonlySet<LimitCode>, platform: NodeJS.Platform): string | null {
  if (codes.size === 0) return null;
  if (platform === 'linux') {
    const watches =
      'raise fs.inotify.max_user_watches: sudo sysctl fs.inotify.max_user_watches=524288 ' +
      '(add the setting to /etc/sysctl.conf to keep it after a restart)';
    const more = codes.has('EMFILE')
      ? '; if that is not enough, raise fs.inotify.max_user_instances and the open-file limit (ulimit -n)'
      : '';
    return `To watch without polling, ${watches}${more}; then restart Sessionscope.`;
  }
  return 'To watch without polling, raise the open-file limit (ulimit -n), then restart Sessionscope.';
}
