import type { FormatId } from '../../shared/model';
import type { FormatAdapter } from './format';
import { orcsFormat } from './orcs';
import { yoiFormat } from './yoi';
import { zeroclawFormat } from './zeroclaw';

/** Every format the app reads, in the order detection prefers them on a tie. */
export const adapters: readonly FormatAdapter[] = [orcsFormat, zeroclawFormat, yoiFormat];

export function adapterFor(format: FormatId): FormatAdapter {
  const adapter = adapters.find((candidate) => candidate.id === format);
  if (!adapter) throw new Error(`no adapter for ${format}`);
  return adapter;
}
