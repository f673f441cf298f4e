import { Eraser } from 'lucide-react';
import type { Turn } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { LoadableView } from '../../components/LoadableView';
import { useAppStore } from '../../store/store';
import type { WriteDialog } from '../../store/writesSlice';

/** Enough of the message to recognise it; the rest is a scroll away in the conversation. */
const previewChars = 600;

export function RemoveLastDialog({ dialog }: { dialog: Extract<WriteDialog, { kind: 'remove-last' }> }) {
  const close = useAppStore((state) => state.closeWriteDialog);
  const confirm = useAppStore((state) => state.confirmWriteDialog);
  const ready = dialog.last.status === 'ready' && dialog.last.value !== null;
  return (
    <Dialog
      title="Remove the last message?"
      description={<>From “{dialog.name}”. The file is rewritten without it; you can undo this.</>}
      onDismiss={close}
      onSubmit={() => void confirm()}
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="danger-solid" data-autofocus disabled={!ready || dialog.busy}>
            <Eraser size={14} aria-hidden="true" /> {dialog.busy ? 'Removing…' : 'Remove message'}
          </button>
        </>
      }
    >
      <LoadableView value={dialog.last} loadingText="Reading the last message…">
        {(turn) =>
          turn ? <LastMessage turn={turn} /> : <p className="muted">This session has no messages.</p>
        }
      </LoadableView>
    </Dialog>
  );
}

function LastMessage({ turn }: { turn: Turn }) {
  const clipped = turn.text.length > previewChars;
  return (
    <figure className="message-preview" aria-label="The message to remove">
      <figcaption>
        <span className={`message-role role-${turn.notice ? 'notice' : turn.role}`}>
          {turn.notice ? 'notice' : turn.role}
        </span>
        <span className="muted">message {turn.index + 1}</span>
      </figcaption>
      {turn.text === '' ? (
        <p className="muted">An empty message.</p>
      ) : (
        <pre>{clipped ? `${turn.text.slice(0, previewChars)}…` : turn.text}</pre>
      )}
    </figure>
  );
}
