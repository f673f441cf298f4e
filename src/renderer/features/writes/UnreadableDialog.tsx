import { CheckCircle2 } from 'lucide-react';
import { Dialog } from '../../components/Dialog';
import { LoadableView } from '../../components/LoadableView';
import { RawLines } from '../../components/RawLines';
import { useAppStore } from '../../store/store';
import type { WriteDialog } from '../../store/writesSlice';

export function UnreadableDialog({ dialog }: { dialog: Extract<WriteDialog, { kind: 'unreadable' }> }) {
  const close = useAppStore((state) => state.closeWriteDialog);
  return (
    <Dialog
      wide
      title="Unreadable lines"
      description={
        <>
          Lines of “{dialog.name}” that are not messages. The agent skips them when it loads the session; here
          they are exactly as written.
        </>
      }
      onDismiss={close}
      onSubmit={close}
      footer={
        <button type="submit" data-autofocus>
          Close
        </button>
      }
    >
      <LoadableView value={dialog.lines} loadingText="Reading the file…">
        {(lines) =>
          lines.length === 0 ? (
            <p className="dialog-empty">
              <CheckCircle2 size={16} aria-hidden="true" /> Every line of this session is readable now.
            </p>
          ) : (
            <RawLines lines={lines} label="Unreadable lines" />
          )
        }
      </LoadableView>
    </Dialog>
  );
}
