/**
 * The last folders of a path, which tell roots apart, with an ellipsis for the rest; the whole
 * path belongs in a title beside it. Both separators are read, since a root may be a Windows path.
 */
export function shortPath(path: string, keep = 2): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  if (parts.length <= keep) return path;
  const separator = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  return `…${separator}${parts.slice(-keep).join(separator)}`;
}
