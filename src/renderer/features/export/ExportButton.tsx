import { Download } from 'lucide-react';
import type { SessionSummary } from '../../../shared/model';
import { useAppStore } from '../../store/store';

/** Opens the export dialog for the session shown; exporting only reads, so read-only sessions have it too. */
export function ExportButton({ summary }: { summary: SessionSummary }) {
  const openExport = useAppStore((state) => state.openExport);
  return (
    <button
      type="button"
      className="icon"
      aria-label="Export…"
      title="Export as Markdown, HTML or JSON, or copy as Markdown"
      onClick={() => openExport({ ref: summary.ref, name: summary.title })}
    >
      <Download size={15} aria-hidden="true" />
    </button>
  );
}
