import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** What stands where a chart would be when there is nothing to draw: never an empty axis. */
export function ChartEmpty({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="chart-empty">
      <Icon size={20} strokeWidth={1.75} aria-hidden="true" />
      <div>
        <p className="chart-empty-title">{title}</p>
        {children && <p className="chart-empty-body">{children}</p>}
      </div>
    </div>
  );
}
