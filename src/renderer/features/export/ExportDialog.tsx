import { ClipboardCopy, Download } from 'lucide-react';
import { useState } from 'react';
import { exportExtensions, exportFormats } from '../../../shared/export/types';
import type { ExportFormat } from '../../../shared/export/types';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import type { ExportTarget } from '../../store/exportSlice';
import './export.css';

const choices: Record<ExportFormat, { label: string; about: string }> = {
  md: { label: 'Markdown', about: 'Readable text for notes, issues and pull requests.' },
  html: { label: 'Web page', about: 'One self-contained file that works offline and runs no scripts.' },
  json: { label: 'JSON', about: 'Every turn and tool call with all its fields, for scripts.' },
};

/** Where the export dialog is open: Electron asks where to save, a browser downloads it. */
export function ExportDialogHost() {
  const target = useAppStore((state) => state.exportTarget);
  return target ? <ExportDialog target={target} /> : null;
}

function ExportDialog({ target }: { target: ExportTarget }) {
  const [format, setFormat] = useState<ExportFormat>('md');
  const busy = useAppStore((state) => state.exportBusy);
  const close = useAppStore((state) => state.closeExport);
  const exportSession = useAppStore((state) => state.exportSession);
  const copyAsMarkdown = useAppStore((state) => state.copyAsMarkdown);
  return (
    <Dialog
      title="Export session"
      description={<>“{target.name}”, every turn, as one file.</>}
      onDismiss={close}
      onSubmit={() => void exportSession(target, format)}
      footer={
        <>
          <button
            type="button"
            className="export-copy"
            disabled={busy}
            onClick={() => void copyAsMarkdown(target)}
          >
            <ClipboardCopy size={14} aria-hidden="true" /> Copy as Markdown
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" data-autofocus disabled={busy}>
            <Download size={14} aria-hidden="true" /> {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <fieldset className="export-formats">
        <legend>Format</legend>
        {exportFormats.map((each) => (
          <label key={each} className="export-format">
            <input
              type="radio"
              name="export-format"
              value={each}
              checked={format === each}
              onChange={() => setFormat(each)}
            />
            <span className="export-format-text">
              <span className="export-format-name">
                {choices[each].label} <span className="muted">{exportExtensions[each]}</span>
              </span>
              <span className="muted small">{choices[each].about}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
