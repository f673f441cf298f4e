import type { RootInfo } from '../../../shared/model';

const origins: Record<RootInfo['origin'], string> = {
  added: 'Added by you',
  default: 'Found at its format’s usual place',
  env: 'Named by an environment variable',
  config: 'Named in the agent’s config file',
  demo: 'Demo library',
  cli: 'Named with --root for this run',
};

/** Where a root came from, in words. */
export function originWords(origin: RootInfo['origin']): string {
  return origins[origin];
}

/** Kilobytes below one megabyte read better than "0.0 MB". */
export function sizeWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
