import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

interface Props {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
  /** Compact states sit inside a section; full ones fill an empty panel. */
  compact?: boolean;
}

export function EmptyState({ icon: Icon, title, children, compact = false }: Props) {
  return (
    <div className={`insp-empty${compact ? ' compact' : ''}`}>
      <span className="insp-empty-icon" aria-hidden="true">
        <Icon size={compact ? 16 : 22} strokeWidth={1.75} />
      </span>
      <div>
        <p className="insp-empty-title">{title}</p>
        {children && <div className="insp-empty-body">{children}</div>}
      </div>
    </div>
  );
}
