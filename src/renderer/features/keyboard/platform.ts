/** Macs take ⌘ where other systems take Ctrl, and name Backspace "delete". */
export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
