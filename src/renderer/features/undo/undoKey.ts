/** The parts of a keydown the undo shortcut looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The parts of the focused element that say whether it edits text. */
export interface FocusTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

/** Ctrl+Z, or ⌘+Z on a Mac; with Shift it is redo, which the app does not offer. */
export function isUndoKey(press: KeyPress): boolean {
  return (
    press.key.toLowerCase() === 'z' && (press.ctrlKey || press.metaKey) && !press.shiftKey && !press.altKey
  );
}

/** Inputs that are buttons in disguise keep no text, so an undo there is the app's. */
const nonTextInputs = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** Where the browser's own text undo must keep working. */
export function editsText(target: FocusTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  return tag === 'input' && !nonTextInputs.has((target.type ?? 'text').toLowerCase());
}
