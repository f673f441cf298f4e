import { describe, expect, it } from 'vitest';
import type { TrashItem } from '../../../shared/history';
import { retentionDays } from './retention';

function item(deletedAt: string, expiresAt: string): TrashItem {
  return {
    trashId: 't1',
    deletedAt,
    expiresAt,
    format: 'orcs',
    root: { id: 'r1', path: '/sessions' },
    sessionId: 's1',
    title: 'Plan',
    sizeBytes: 10,
    files: [],
    state: 'trashed',
  };
}

describe('retentionDays', () => {
  it('reads the days between deletion and purge', () => {
    expect(retentionDays([item('2026-11-01T10:00:00Z', '2026-11-08T10:00:00Z')])).toBe(7);
  });

  it('falls back to 30 days with nothing to read, or dates that make no sense', () => {
    expect(retentionDays([])).toBe(30);
    expect(retentionDays([item('not a date', '2026-11-08T10:00:00Z')])).toBe(30);
    expect(retentionDays([item('2026-11-08T10:00:00Z', '2026-11-08T10:00:00Z')])).toBe(30);
  });
});
