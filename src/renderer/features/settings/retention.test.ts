import { describe, expect, it } from 'vitest';
import { retentionProblem } from './retention';

describe('the retention field', () => {
  it.each(['1', '30', '3650', ' 7 '])('takes %s days', (text) => {
    expect(retentionProblem(text)).toBeNull();
  });

  it.each(['0', '3651', '2.5', '-1', 'abc', '1e9'])('refuses %s', (text) => {
    expect(retentionProblem(text)).toBe('Enter a whole number of days from 1 to 3650.');
  });

  it('asks for a number when the field is empty', () => {
    expect(retentionProblem('  ')).toBe('Enter a number of days.');
  });
});
