import { describe, expect, it } from 'vitest';
import { editsText, isUndoKey } from './undoKey';

const press = { key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };

describe('isUndoKey', () => {
  it('takes Ctrl+Z and ⌘+Z, whatever the case of the letter', () => {
    expect(isUndoKey({ ...press, ctrlKey: true })).toBe(true);
    expect(isUndoKey({ ...press, metaKey: true })).toBe(true);
    expect(isUndoKey({ ...press, key: 'Z', ctrlKey: true })).toBe(true);
  });

  it('leaves redo, other chords and a bare z alone', () => {
    expect(isUndoKey(press)).toBe(false);
    expect(isUndoKey({ ...press, ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isUndoKey({ ...press, ctrlKey: true, altKey: true })).toBe(false);
    expect(isUndoKey({ ...press, key: 'y', ctrlKey: true })).toBe(false);
  });
});

describe('editsText', () => {
  it('is true in text fields, text areas and editable content', () => {
    expect(editsText({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(editsText({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(editsText({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(editsText({ tagName: 'INPUT' })).toBe(true);
    expect(editsText({ tagName: 'TEXTAREA' })).toBe(true);
    expect(editsText({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('is false on buttons, checkboxes and the page itself', () => {
    expect(editsText({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(editsText({ tagName: 'BUTTON' })).toBe(false);
    expect(editsText({ tagName: 'BODY', isContentEditable: false })).toBe(false);
    expect(editsText(null)).toBe(false);
  });
});
