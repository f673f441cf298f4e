import { describe, expect, it } from 'vitest';
import { displayName, keyBesideName } from './sessionName';

describe('session names', () => {
  it('prefers a title of its own and shows the key beside it', () => {
    const session = { title: 'Billing bot', untitled: false, key: 'slack_C1_1.2_ann' };
    expect(displayName(session)).toBe('Billing bot');
    expect(keyBesideName(session)).toBe('slack_C1_1.2_ann');
  });

  it('names an untitled session by its original key, not the sanitised id', () => {
    const session = { title: 'slack_C1_1_2_ann', untitled: true, key: 'slack_C1_1.2_ann' };
    expect(displayName(session)).toBe('slack_C1_1.2_ann');
    expect(keyBesideName(session)).toBeNull();
  });

  it('falls back to the id when the key is unknown', () => {
    const session = { title: 'telegram_42_bob', untitled: true, key: null };
    expect(displayName(session)).toBe('telegram_42_bob');
    expect(keyBesideName(session)).toBeNull();
  });
});
