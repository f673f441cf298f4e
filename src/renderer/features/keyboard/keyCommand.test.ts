import { describe, expect, it } from 'vitest';
import { keyCommand } from './keyCommand';

const bare = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
const press = (key: string, modifiers: Partial<typeof bare> = {}) => ({ ...bare, ...modifiers, key });

describe('keyCommand', () => {
  it('moves with j/k and the arrow keys', () => {
    expect(keyCommand(press('j'), 'page', false)).toBe('next');
    expect(keyCommand(press('ArrowDown'), 'row', false)).toBe('next');
    expect(keyCommand(press('k'), 'row', false)).toBe('previous');
    expect(keyCommand(press('ArrowUp'), 'page', false)).toBe('previous');
  });

  it('opens, renames, trashes, searches, shows the sheet and closes', () => {
    expect(keyCommand(press('Enter'), 'page', false)).toBe('open');
    expect(keyCommand(press('F2'), 'row', false)).toBe('rename');
    expect(keyCommand(press('Delete'), 'row', false)).toBe('trash');
    expect(keyCommand(press('/'), 'page', false)).toBe('focusSearch');
    expect(keyCommand(press('?', { shiftKey: true }), 'page', false)).toBe('shortcuts');
    expect(keyCommand(press('Escape'), 'control', false)).toBe('close');
  });

  it('opens the palette with Ctrl+K or ⌘+K, even from a text field', () => {
    expect(keyCommand(press('k', { ctrlKey: true }), 'page', false)).toBe('palette');
    expect(keyCommand(press('K', { metaKey: true }), 'text', true)).toBe('palette');
    expect(keyCommand(press('k', { ctrlKey: true, shiftKey: true }), 'page', false)).toBeNull();
    expect(keyCommand(press('j', { ctrlKey: true }), 'page', false)).toBeNull();
  });

  it('trashes with Backspace on a Mac only', () => {
    expect(keyCommand(press('Backspace'), 'row', true)).toBe('trash');
    expect(keyCommand(press('Backspace'), 'row', false)).toBeNull();
  });

  it('leaves every plain key to a text field', () => {
    for (const key of ['j', 'k', 'ArrowDown', 'Enter', 'F2', 'Delete', '/', '?', 'Escape']) {
      expect(keyCommand(press(key), 'text', false)).toBeNull();
    }
  });

  it('leaves Enter and the arrows to a focused control, and Enter to a row button', () => {
    expect(keyCommand(press('Enter'), 'control', false)).toBeNull();
    expect(keyCommand(press('Enter'), 'row', false)).toBeNull();
    expect(keyCommand(press('ArrowDown'), 'control', false)).toBeNull();
    expect(keyCommand(press('j'), 'control', false)).toBe('next');
  });

  it('keeps F2 and Delete to the list and the page, not to other controls', () => {
    expect(keyCommand(press('F2'), 'control', false)).toBeNull();
    expect(keyCommand(press('Delete'), 'control', false)).toBeNull();
  });

  it('ignores shifted letters and Alt chords', () => {
    expect(keyCommand(press('J', { shiftKey: true }), 'page', false)).toBeNull();
    expect(keyCommand(press('Delete', { shiftKey: true }), 'row', false)).toBeNull();
    expect(keyCommand(press('/', { shiftKey: true }), 'page', false)).toBe('focusSearch');
    expect(keyCommand(press('j', { altKey: true }), 'page', false)).toBeNull();
    expect(keyCommand(press('x'), 'page', false)).toBeNull();
  });
});
