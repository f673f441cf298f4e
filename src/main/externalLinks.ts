import { safeExternalUrl } from '../shared/links';

/**
 * Hands `value` to the system browser only if the shared allowlist accepts it (http(s), parsed,
 * no credentials), after Actual's `external-links.ts`. Returns whether it was handed off; a
 * failure of `open` itself is the caller's to report.
 */
export async function openExternalUrl(
  value: unknown,
  open: (url: string) => Promise<void>,
): Promise<boolean> {
  const url = safeExternalUrl(value);
  if (url === null) return false;
  await open(url);
  return true;
}
