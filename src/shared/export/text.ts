/**
 * Control characters have no business in a document and some do harm where it is shown: NUL
 * ends strings in C readers, ESC and the C1 codes drive terminals (an export may go to stdout).
 * A lone CR becomes a line break rather than vanishing, so text hidden behind it stays visible.
 */
export function documentText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '\uFFFD');
}

/** Text meant for one line, such as a title or a tool's name. */
export function documentLine(text: string): string {
  return documentText(text).replace(/\s+/g, ' ').trim();
}

/** Tool arguments and results are any JSON; strings read best as themselves. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2) ?? String(value);
}
