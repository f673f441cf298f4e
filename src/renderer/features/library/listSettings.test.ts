import { describe, expect, it } from 'vitest';
import { noFilters } from './listFilters';
import { defaultListSettings, parseListSettings, serializeListSettings } from './listSettings';
import type { ListSettings } from './listSettings';

describe('list settings', () => {
  it('read back what was written', () => {
    const settings: ListSettings = {
      sort: { key: 'size', direction: 'asc' },
      group: 'day',
      filters: {
        ...noFilters,
        root: 'abc',
        format: 'yoi',
        project: '',
        state: 'stuck',
        updatedFrom: '2026-01-02',
        unreadable: true,
      },
    };
    expect(parseListSettings(serializeListSettings(settings))).toEqual(settings);
  });

  it.each([
    ['nothing', null],
    ['cut-short JSON', '{"sort":{"key":"size"'],
    ['a non-object', '7'],
    ['null', 'null'],
  ])('falls back to the defaults on %s', (_, text) => {
    expect(parseListSettings(text)).toEqual(defaultListSettings);
  });

  it('drops only the fields it cannot read', () => {
    const text = JSON.stringify({
      sort: { key: 'colour', direction: 'asc' },
      group: 'project',
      filters: { format: 'nonsense', state: 'running', updatedTo: '10 March', failedTools: true },
    });
    expect(parseListSettings(text)).toEqual({
      sort: defaultListSettings.sort,
      group: 'project',
      filters: { ...noFilters, state: 'running', failedTools: true },
    });
  });
});
