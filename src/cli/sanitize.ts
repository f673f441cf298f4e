/**
 * Session text is hostile: a title or a turn could carry escape sequences that move the cursor,
 * rewrite earlier lines, retitle the window, set the clipboard (OSC 52) or plant links (OSC 8).
 * Everything the CLI prints for a human passes through here first; JSON output needs none of it
 * because JSON.stringify already escapes every control character.
 */

// Whole sequences go, not just their ESC, so no `[31m` debris is left behind. Both the 7-bit
// (ESC-prefixed) and 8-bit C1 introducers are covered, since some terminals honour U+009B as CSI.
const sequences =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;

/** Every C0 and C1 control except newline and tab, which a reader needs. */
const controls = /[^\P{Cc}\n\t]/gu;

/**
 * Text safe to print on a terminal, keeping its line breaks and tabs. A lone CR becomes a line
 * break rather than vanishing, so text hidden behind it is shown instead of overwriting a line.
 */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(sequences, '').replace(controls, '');
}

/** Text safe to print inside one line of a table or a message. */
export function cleanLine(text: string): string {
  return clean(text).replace(/[\n\t]+/g, ' ');
}
