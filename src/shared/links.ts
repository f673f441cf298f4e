/**
 * The opener allowlist: only http(s) URLs, parsed and re-serialised, may leave the app. Session
 * text decides which link is clicked, so everything else (javascript:, file:, custom schemes,
 * credentials in the URL) is refused.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (!url.hostname) return null;
  return url.href;
}
