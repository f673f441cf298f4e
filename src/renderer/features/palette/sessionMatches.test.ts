import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../shared/model';
import { maxMatches, sessionMatches, titleScore } from './sessionMatches';

const session = (title: string) => ({ title }) as SessionSummary;
const sessions = ['Fix the flaky parser test', 'Plan the storage migration', 'Parser rewrite'].map(session);

describe('sessionMatches', () => {
  it('keeps titles holding every word typed, in any case and order', () => {
    expect(sessionMatches(sessions, 'PARSER', false).map((each) => each.title)).toEqual([
      'Fix the flaky parser test',
      'Parser rewrite',
    ]);
    expect(sessionMatches(sessions, 'test  flaky', false).map((each) => each.title)).toEqual([
      'Fix the flaky parser test',
    ]);
  });

  it('lists the newest when browsing with nothing typed, and none otherwise', () => {
    expect(sessionMatches(sessions, ' ', true)).toHaveLength(3);
    expect(sessionMatches(sessions, '', false)).toEqual([]);
  });

  it('stops at the most it shows', () => {
    const many = Array.from({ length: maxMatches + 10 }, (_, index) => session(`run ${index}`));
    expect(sessionMatches(many, 'run', false)).toHaveLength(maxMatches);
  });
});

describe('titleScore', () => {
  it('ranks the whole title above its start above anywhere in it', () => {
    expect(titleScore('Parser rewrite', 'parser rewrite ')).toBe(1);
    expect(titleScore('Parser rewrite', 'pars')).toBeGreaterThan(titleScore('Fix the parser', 'pars'));
  });
});
