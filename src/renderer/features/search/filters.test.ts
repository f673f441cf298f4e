import { describe, expect, it } from 'vitest';
import { activeFilterCount, withFilter } from './filters';

describe('activeFilterCount', () => {
  it('counts each filter that narrows, and nothing for empty values', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ formats: [], tool: '  ', toolFailed: false })).toBe(0);
    expect(activeFilterCount({ formats: ['orcs'], tool: 'bash', from: '2026-01-01', toolFailed: true })).toBe(
      4,
    );
  });
});

describe('withFilter', () => {
  it('sets a value and drops an empty one', () => {
    const filters = withFilter({}, 'formats', ['yoi']);
    expect(filters).toEqual({ formats: ['yoi'] });
    expect(withFilter(filters, 'formats', [])).toEqual({});
    expect(withFilter({ tool: 'bash' }, 'tool', '')).toEqual({});
    expect(withFilter({}, 'tool', '  ')).toEqual({});
    expect(withFilter({ toolFailed: true }, 'toolFailed', false)).toEqual({});
  });
});
