/** Each shortcut the window answers, as the sheet lists it and the palette hints at it. */
export interface Shortcut {
  id:
    | 'next'
    | 'previous'
    | 'open'
    | 'rename'
    | 'trash'
    | 'undo'
    | 'search'
    | 'palette'
    | 'shortcuts'
    | 'close'
    | 'settings'
    | 'find'
    | 'goToTurn';
  /** Alternatives: any one of them does it. */
  keys: readonly string[];
  does: string;
}

export function shortcutList(mac: boolean): Shortcut[] {
  const mod = mac ? '⌘' : 'Ctrl+';
  return [
    { id: 'next', keys: ['J', '↓'], does: 'Next session in the list' },
    { id: 'previous', keys: ['K', '↑'], does: 'Previous session in the list' },
    { id: 'open', keys: ['Enter'], does: 'Open the current session' },
    { id: 'rename', keys: ['F2'], does: 'Rename the current session' },
    { id: 'trash', keys: mac ? ['⌫', '⌦'] : ['Delete'], does: 'Move the current session to the trash' },
    { id: 'undo', keys: [`${mod}Z`], does: 'Undo the last change' },
    { id: 'search', keys: ['/'], does: 'Search sessions' },
    { id: 'find', keys: [`${mod}F`], does: 'Find in the open session' },
    { id: 'goToTurn', keys: [`${mod}G`], does: 'Go to a turn of the open session' },
    { id: 'palette', keys: [`${mod}K`], does: 'Command palette' },
    { id: 'shortcuts', keys: ['?'], does: 'Show these shortcuts' },
    { id: 'settings', keys: [mac ? '⌘,' : 'Ctrl+,'], does: 'Open the settings' },
    { id: 'close', keys: ['Esc'], does: 'Close a dialog, the trash or the history; clear the selection' },
  ];
}
