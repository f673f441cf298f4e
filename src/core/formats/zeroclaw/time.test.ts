import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromRfc3339, parseRfc3339, toRfc3339 } from './time';

describe('toRfc3339: chrono to_rfc3339() of a DateTime<Utc>', () => {
  it.each([
    [Date.UTC(2026, 2, 26, 10, 0, 0, 0), '2026-03-26T10:00:00+00:00'],
    [Date.UTC(2026, 2, 26, 10, 0, 0, 123), '2026-03-26T10:00:00.123+00:00'],
    [Date.UTC(2026, 2, 26, 10, 0, 0, 120), '2026-03-26T10:00:00.120+00:00'],
    [Date.UTC(1999, 11, 31, 23, 59, 59, 1), '1999-12-31T23:59:59.001+00:00'],
  ])('%d → %s', (ms, text) => {
    expect(toRfc3339(ms)).toBe(text);
  });

  it('round-trips through parseRfc3339 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
        expect(parseRfc3339(toRfc3339(ms))).toBe(ms);
      }),
    );
  });
});

describe('parseRfc3339: what chrono parse_from_rfc3339 accepts', () => {
  it.each([
    ['2026-03-26T10:00:00.123456789+00:00', Date.UTC(2026, 2, 26, 10, 0, 0, 123)],
    ['2026-03-26T10:00:00+00:00', Date.UTC(2026, 2, 26, 10, 0, 0)],
    ['2026-03-26T10:00:00.5Z', Date.UTC(2026, 2, 26, 10, 0, 0, 500)],
    ['2026-03-26 18:00:00+08:00', Date.UTC(2026, 2, 26, 10, 0, 0)],
    ['2026-03-26t05:30:00-04:30', Date.UTC(2026, 2, 26, 10, 0, 0)],
    ['2016-12-31T23:59:60Z', Date.UTC(2016, 11, 31, 23, 59, 59)],
  ])('%s', (text, ms) => {
    expect(parseRfc3339(text)).toBe(ms);
  });

  it.each([
    '',
    'now',
    '2026-03-26',
    '2026-03-26T10:00:00',
    '2026-02-30T00:00:00Z',
    '2026-03-26T24:00:00Z',
    '2026-03-26T10:00:00+25:00',
  ])('refuses %j', (text) => {
    expect(parseRfc3339(text)).toBeNull();
  });

  it('gives ISO 8601 for the contract', () => {
    expect(isoFromRfc3339('2026-03-26T12:00:00+02:00')).toBe('2026-03-26T10:00:00.000Z');
    expect(isoFromRfc3339(null)).toBeNull();
    expect(isoFromRfc3339('garbage')).toBeNull();
  });
});
