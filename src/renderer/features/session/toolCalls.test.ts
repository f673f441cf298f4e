import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../../../shared/model';
import { isBareCall, splitCalls } from './toolCalls';

const named = (name: string): ToolCall => ({
  name,
  arguments: null,
  result: null,
  success: null,
  durationMs: null,
});

describe('tool calls known only by name', () => {
  it('are bare with null or empty arguments and results', () => {
    expect(isBareCall(named('shell'))).toBe(true);
    expect(isBareCall({ ...named('shell'), arguments: {}, result: [] })).toBe(true);
  });

  it('are not bare once anything is known about the run', () => {
    expect(isBareCall({ ...named('shell'), arguments: { command: 'ls' } })).toBe(false);
    expect(isBareCall({ ...named('shell'), result: '' })).toBe(false);
    expect(isBareCall({ ...named('shell'), success: false })).toBe(false);
    expect(isBareCall({ ...named('shell'), durationMs: 12 })).toBe(false);
  });

  it('split apart in order', () => {
    const full = { ...named('read'), arguments: { path: 'a' }, success: true };
    const { bare, detailed } = splitCalls([named('shell'), full, named('web_search')]);
    expect(bare.map((call) => call.name)).toEqual(['shell', 'web_search']);
    expect(detailed).toEqual([full]);
  });
});
