import { AlertTriangle } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Loadable } from '../store/loadable';

/** What a dialog shows while its data loads, when it failed, and once it is there. */
export function LoadableView<T>({
  value,
  loadingText,
  children,
}: {
  value: Loadable<T>;
  loadingText: string;
  children: (value: T) => ReactNode;
}) {
  if (value.status === 'loading') {
    return (
      <p className="dialog-placeholder muted" aria-busy="true">
        {loadingText}
      </p>
    );
  }
  if (value.status === 'error') {
    return (
      <p className="notice danger" role="alert">
        <AlertTriangle size={14} aria-hidden="true" /> {value.message}
      </p>
    );
  }
  return <>{children(value.value)}</>;
}
