import { describe, expect, it } from 'vitest';
import { keyBesideName } from './sessionName';

describe('keyBesideName', () => {
  it('shows the key beside a title of the session’s own', () => {
    expect(keyBesideName({ title: 'Billing bot', key: 'slack_C1_1.2_ann' })).toBe('slack_C1_1.2_ann');
  });

  it('says nothing when the title is the key already, or there is no key', () => {
    expect(keyBesideName({ title: 'slack_C1_1.2_ann', key: 'slack_C1_1.2_ann' })).toBeNull();
    expect(keyBesideName({ title: 'telegram_42_bob', key: null })).toBeNull();
  });
});
