/**
 * The renderer's one origin. It is served from a custom standard scheme, never `file://`, so it
 * has no ambient access to the disk (security.md §1.1 #18), and IPC, navigation and the protocol
 * handler all compare against the same scheme and host.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sessionscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `value` is a URL on our own origin. Compared by protocol and host because WHATWG `URL`
 * reports `origin` as "null" for schemes it does not know, such as `app:`.
 */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}
