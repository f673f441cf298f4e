/** Data a dialog fetches after it opens; the dialog shows each state rather than waiting blank. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export const loading = { status: 'loading' } as const;

export function ready<T>(value: T): Loadable<T> {
  return { status: 'ready', value };
}

export function failed<T>(message: string): Loadable<T> {
  return { status: 'error', message };
}
