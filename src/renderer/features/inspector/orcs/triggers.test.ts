import { describe, expect, it } from 'vitest';
import type { OrcsTrigger } from '../../../../shared/panels/orcs';
import { intervalWords, triggerSentence, triggerWords } from './triggers';

describe('triggerSentence', () => {
  const cases: [OrcsTrigger, string][] = [
    [{ kind: 'OnFileEdit', glob: '*.rs' }, 'When a file matching *.rs is edited'],
    [{ kind: 'OnLLMPreRequest' }, 'Before each LLM request'],
    [{ kind: 'OnLLMPostResponse' }, 'After each LLM response'],
    [{ kind: 'OnEvent', eventKind: 'x' }, 'When the event x fires'],
    [{ kind: 'Interval', seconds: 60 }, 'Every 60 seconds'],
    [{ kind: 'unknown', raw: { OnGitPush: { branch: 'main' } } }, 'Unknown trigger'],
  ];
  it.each(cases)('words %j as “%s”', (trigger, sentence) => {
    expect(triggerSentence(trigger)).toBe(sentence);
  });

  it('sets only the session’s own words in code', () => {
    expect(triggerWords({ kind: 'OnFileEdit', glob: 'src/**/*.ts' })).toEqual({
      lead: 'When a file matching ',
      code: 'src/**/*.ts',
      tail: ' is edited',
    });
    expect(triggerWords({ kind: 'OnEvent', eventKind: 'build.done' }).code).toBe('build.done');
    expect(triggerWords({ kind: 'OnLLMPreRequest' }).code).toBeNull();
  });

  it('keeps hostile globs as text', () => {
    expect(triggerSentence({ kind: 'OnFileEdit', glob: '<img src=x onerror=alert(1)>' })).toBe(
      'When a file matching <img src=x onerror=alert(1)> is edited',
    );
  });
});

describe('intervalWords', () => {
  it.each([
    [1, 'second'],
    [2, '2 seconds'],
    [45, '45 seconds'],
    [60, '60 seconds'],
    [90, '90 seconds'],
    [120, '2 minutes'],
    [300, '5 minutes'],
    [3_600, '60 minutes'],
    [5_400, '90 minutes'],
    [7_200, '2 hours'],
    [86_400, '24 hours'],
    [172_800, '2 days'],
    [604_800, '7 days'],
    [150, '2 minutes and 30 seconds'],
    [3_599, '59 minutes and 59 seconds'],
    [86_400_000, '1,000 days'],
    [3_601, '1 hour and 1 second'],
    [3_661, '1 hour, 1 minute and 1 second'],
    [90_061, '1 day, 1 hour, 1 minute and 1 second'],
  ])('%i seconds reads “%s”', (seconds, words) => {
    expect(intervalWords(seconds)).toBe(words);
  });

  it('shows numbers no schedule could mean as they are', () => {
    expect(intervalWords(0)).toBe('0 seconds');
    expect(intervalWords(-5)).toBe('-5 seconds');
    expect(intervalWords(1.5)).toBe('1.5 seconds');
  });

  it('reads as a sentence after "Every"', () => {
    expect(triggerSentence({ kind: 'Interval', seconds: 1 })).toBe('Every second');
    expect(triggerSentence({ kind: 'Interval', seconds: 300 })).toBe('Every 5 minutes');
  });
});
