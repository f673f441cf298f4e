/**
 * ZeroClaw's session key → file name rule (formats.md §2.2; `session_path` at v0.6.5,
 * `sanitize_session_key` at HEAD): per character, Rust's `char::is_alphanumeric()`, `_` and `-`
 * stay, everything else becomes `_`, then `.jsonl` is appended. `is_alphanumeric` is the Unicode
 * Alphabetic property or a numeric category (Nd, Nl, No), i.e. `\p{Alphabetic}` ∪ `\p{N}`. That
 * keeps some combining marks (Other_Alphabetic ones such as U+0902 DEVANAGARI SIGN ANUSVARA) and
 * replaces the rest (U+0301 COMBINING ACUTE ACCENT). A Rust `char` is a code point, so an emoji
 * outside the BMP becomes one `_`, and a ZWJ sequence one `_` per code point.
 *
 * Session ids in the contract are file stems, so an id is exactly what sanitising can produce;
 * session-path.ts turns a checked id into a path.
 */

const NOT_KEPT = /[^\p{Alphabetic}\p{N}_-]/gu;
const STEM = /^[\p{Alphabetic}\p{N}_-]+$/u;
/** Windows opens a device, not a file, for these names whatever follows the dot. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Most file systems cap a name at 255 bytes. */
const MAX_NAME_BYTES = 255;
export const SESSION_SUFFIX = '.jsonl';

export function sanitizeKey(key: string): string {
  return key.replace(NOT_KEPT, '_');
}

/**
 * A stem ZeroClaw could have written and we can address: only sanitised characters (so no
 * separator, dot or NUL), not empty, short enough to be a file name, not a Windows device (ZeroClaw
 * on Windows would have written to the device, never to a file of that name).
 */
export function isSessionId(id: string): boolean {
  return (
    STEM.test(id) &&
    Buffer.byteLength(id + SESSION_SUFFIX, 'utf8') <= MAX_NAME_BYTES &&
    !WINDOWS_DEVICE.test(id)
  );
}

/** The session id a directory entry names, or null when ZeroClaw could not have loaded it by that name. */
export function idFromFileName(name: string): string | null {
  if (!name.endsWith(SESSION_SUFFIX)) return null;
  const id = name.slice(0, -SESSION_SUFFIX.length);
  return isSessionId(id) ? id : null;
}
