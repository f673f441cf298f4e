import { describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../../shared/search';
import { progressText, timeLeft } from './progress';

/** Numbers read with the machine's separators, as the status bar shows them. */
const n = (value: number) => value.toLocaleString();

const base: IndexStatus = {
  phase: 'indexing',
  filesDone: 1234,
  filesTotal: 10000,
  bytesDone: 0,
  bytesTotal: 0,
  mbPerSecond: 45.23,
  secondsLeft: 70,
  lastError: null,
};

describe('progressText', () => {
  it('says how far indexing has got, how fast and how long is left', () => {
    expect(progressText(base)).toBe(
      `Indexing ${n(1234)} of ${n(10000)} files · ${(45.2).toFixed(1)} MB/s · about 1 min left`,
    );
  });

  it('leaves out what is not known yet', () => {
    expect(progressText({ ...base, mbPerSecond: 0, secondsLeft: null })).toBe(
      `Indexing ${n(1234)} of ${n(10000)} files`,
    );
  });

  it('counts files found while listing', () => {
    expect(progressText({ ...base, phase: 'listing', filesTotal: 0 })).toBe('Looking for sessions');
    expect(progressText({ ...base, phase: 'listing', filesTotal: 2500 })).toBe(
      `Looking for sessions · ${n(2500)} files found`,
    );
  });
});

describe('timeLeft', () => {
  it.each([
    [0, 'less than a minute left'],
    [44, 'less than a minute left'],
    [45, 'about 1 min left'],
    [150, 'about 3 min left'],
    [3599, 'about 1 h left'],
    [3600 + 20 * 60, 'about 1 h 20 min left'],
  ])('%i s reads %s', (seconds, words) => {
    expect(timeLeft(seconds)).toBe(words);
  });
});
