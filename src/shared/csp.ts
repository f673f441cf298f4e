/**
 * The one Content-Security-Policy, sent as a header by every host. `img-src` without remote hosts
 * is what stops a markdown image from exfiltrating session text (security.md §1.1 #7, §2).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
