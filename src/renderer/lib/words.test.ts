import { describe, expect, it } from 'vitest';
import { counted } from './words';

describe('counted', () => {
  it('uses the singular for one only', () => {
    expect(counted(1, 'unreadable line')).toBe('1 unreadable line');
    expect(counted(0, 'unreadable line')).toBe('0 unreadable lines');
    expect(counted(3, 'unreadable line')).toBe('3 unreadable lines');
  });

  it('takes an irregular plural', () => {
    expect(counted(2, 'summary', 'summaries')).toBe('2 summaries');
  });
});
