/** What the UI shows about watching: a notice when a root is polled, missing or failing. Plain data only. */

export interface RootWatchStatus {
  root: string;
  /** False while the directory does not exist; it is picked up again when it reappears. */
  present: boolean;
  /** `native`: the OS reports changes; `polling`: files are stat'ed on a timer, after the OS ran out of watches. */
  mode: 'native' | 'polling';
  /** Why the root is polled, or the last error its watcher reported; null when all is well. */
  problem: string | null;
}

export interface WatchStatus {
  roots: RootWatchStatus[];
  /** What the user can do so roots no longer need polling; null when none is polled. */
  hint: string | null;
}
