import { CheckCircle2, Shrink } from 'lucide-react';
import { Dialog } from '../../components/Dialog';
import { LoadableView } from '../../components/LoadableView';
import { RawLines } from '../../components/RawLines';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import type { WriteDialog } from '../../store/writesSlice';

export function CompactDialog({ dialog }: { dialog: Extract<WriteDialog, { kind: 'compact' }> }) {
  const close = useAppStore((state) => state.closeWriteDialog);
  const confirm = useAppStore((state) => state.confirmWriteDialog);
  const dropped = dialog.preview.status === 'ready' ? dialog.preview.value.dropped.length : 0;
  return (
    <Dialog
      wide
      title="Compact this session?"
      description={
        <>
          “{dialog.name}” is rewritten without its blank and unreadable lines. Every message stays. You can
          undo this.
        </>
      }
      onDismiss={close}
      onSubmit={() => void confirm()}
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" data-autofocus disabled={dropped === 0 || dialog.busy}>
            <Shrink size={14} aria-hidden="true" />{' '}
            {dialog.busy ? 'Compacting…' : dropped > 0 ? `Drop ${counted(dropped, 'line')}` : 'Compact'}
          </button>
        </>
      }
    >
      <LoadableView value={dialog.preview} loadingText="Reading the file…">
        {(preview) =>
          preview.dropped.length === 0 ? (
            <p className="dialog-empty">
              <CheckCircle2 size={16} aria-hidden="true" /> Nothing to drop: every line is a message (
              {counted(preview.keptMessages, 'message')}).
            </p>
          ) : (
            <>
              <p className="dialog-summary">
                <strong>{counted(preview.dropped.length, 'line')} will be dropped</strong>
                <span className="muted"> · {counted(preview.keptMessages, 'message')} kept</span>
              </p>
              <RawLines lines={preview.dropped} label="Lines to drop" />
            </>
          )
        }
      </LoadableView>
    </Dialog>
  );
}
