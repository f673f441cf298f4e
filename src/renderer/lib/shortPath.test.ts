import { describe, expect, it } from 'vitest';
import { shortPath } from './shortPath';

describe('shortPath', () => {
  it('keeps the last two folders of a long path', () => {
    expect(shortPath('/home/ann/.orcs/sessions')).toBe('…/.orcs/sessions');
    expect(shortPath('C:\\Users\\ann\\.orcs\\sessions')).toBe('…\\.orcs\\sessions');
  });

  it('leaves a short path as it is', () => {
    expect(shortPath('/sessions')).toBe('/sessions');
    expect(shortPath('/srv/sessions')).toBe('/srv/sessions');
  });
});
