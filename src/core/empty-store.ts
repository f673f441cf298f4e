import { AppError } from '../shared/errors';
import type { FormatStore } from './formats/format';

function missing(): never {
  throw new AppError('not_found', 'no such session');
}

/** The store of a root whose directory is empty, so no format could be detected: it holds nothing. */
export const emptyStore: FormatStore = {
  list: async () => [],
  enumerate: async () => ({ sessions: [], shared: [] }),
  summary: async () => missing(),
  detail: async () => missing(),
  turns: async () => missing(),
  rename: async () => missing(),
  files: async () => missing(),
};
