import { describe, expect, it } from 'vitest';
import { noticeText } from './notice';

describe('noticeText', () => {
  it('drops the brackets around a whole notice', () => {
    expect(noticeText('[Session interrupted — not continuing this request]')).toBe(
      'Session interrupted — not continuing this request',
    );
    expect(noticeText('  [Task timed out]\n')).toBe('Task timed out');
  });

  it('leaves text that is not one bracketed sentence as it is', () => {
    expect(noticeText('[a] and [b]')).toBe('[a] and [b]');
    expect(noticeText('Task failed')).toBe('Task failed');
    expect(noticeText('[unclosed')).toBe('[unclosed');
  });
});
