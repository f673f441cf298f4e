/**
 * ZeroClaw writes its notices as bracketed sentences ("[Session interrupted — not continuing
 * this request]"); the banner already says it is a notice, so the brackets go.
 */
export function noticeText(text: string): string {
  const trimmed = text.trim();
  return /^\[[^\]]*\]$/.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}
